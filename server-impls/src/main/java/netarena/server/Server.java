package netarena.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One TCP server of one I/O model. Models differ only in how bytes move and which thread runs what;
 * the protocol rules and the request work are shared (see {@code netarena.server.core}).
 *
 * <p>Lifecycle: {@link #start} once, then {@link #stop} once (further calls do nothing).
 */
public interface Server extends AutoCloseable {

    /** Binds, starts accepting, and returns the bound address (the real port when the config says 0). */
    InetSocketAddress start() throws IOException;

    /**
     * Stops gracefully: stops accepting and reading, lets the requests already read finish and their
     * answers be written for up to {@code grace}, then closes every connection and stops all threads.
     */
    void stop(Duration grace);

    /** A consistent-enough copy of the counters; any thread. */
    ServerStats.Snapshot stats();

    /** Stops with a grace period of 2 s. */
    @Override
    default void close() {
        stop(Duration.ofSeconds(2));
    }
}
