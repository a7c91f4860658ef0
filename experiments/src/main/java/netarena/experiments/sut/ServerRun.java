package netarena.experiments.sut;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalLong;
import netarena.server.StatsLine;

/**
 * One server serving a cell or a capacity question, from {@link ServerUnderTest#start} to {@link #close}. Used
 * by the one thread that started it.
 */
public interface ServerRun extends AutoCloseable {

    InetSocketAddress address();

    /**
     * The server's process id, for /proc and the attach API; empty when netarena did not start the process (an
     * external target), whose CPU, memory and threads are then unknown.
     */
    OptionalLong pid();

    /** False once a launched server's process has died; an external target is taken to be alive (a target gone shows as connect errors). */
    boolean alive();

    /**
     * The counters the server wrote on its way out ({@code serve}'s stop line): read after {@link #close}; empty
     * for an external target, or a server that wrote none (it was killed, say).
     */
    Optional<StatsLine.ServerCounters> counters();

    /** Where to look when it misbehaves, for a message: its log, or the target's address. */
    String whereToLook();

    /** Stops what was started (a launched JVM gracefully); leaves an external target running. */
    @Override
    void close();
}
