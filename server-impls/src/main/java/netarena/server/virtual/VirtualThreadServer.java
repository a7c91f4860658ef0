package netarena.server.virtual;

import java.util.OptionalInt;
import java.util.concurrent.Executors;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.core.BlockingSocketServer;

/**
 * virtual: blocking {@code java.net} sockets, one virtual thread per connection.
 * <ul>
 *   <li>one platform thread accepts;</li>
 *   <li>each connection gets a virtual thread that reads, decodes, runs the request (no workers) and
 *       writes the answer; a blocked read, write, DELAY or BLOCK unmounts it and frees its carrier;</li>
 *   <li>{@code --io-threads N}: N carrier threads, the JVM-wide parallelism of the virtual-thread
 *       scheduler ({@link CarrierThreads}); 0 keeps the JDK default, one per core;</li>
 *   <li>{@code --workers N}: requests run on N workers of the {@code --worker-pool} kind; each connection
 *       then also gets a virtual writer thread, started with its first answer, so that a client that stops
 *       reading holds its own writer and never a worker. Writes are made under the connection's {@code ReentrantLock} (never
 *       {@code synchronized}, so a virtual thread waiting for that lock does not pin its carrier on JDK
 *       21-23).</li>
 * </ul>
 * Memory per connection: a read buffer sized by its recent reads (512 B idle, see ReadSizer) and the virtual
 * thread's stack, which lives on the heap and grows with the call depth (about 1.5 KiB parked in a read);
 * reading stops at max-pending.
 *
 * <p>The accept loop and the connection code are those of thread-per-client
 * ({@link BlockingSocketServer}); only the executor differs.
 */
public final class VirtualThreadServer {

    private VirtualThreadServer() {
    }

    /**
     * A new, unstarted virtual-thread server; its threads are named after {@code name}. A non-zero
     * {@code --io-threads} is applied to the scheduler as it starts, before it binds, so a server made by a
     * test or an embedding program gets the carriers it asked for too.
     */
    public static Server create(String name, ServerConfig config) {
        int carriers = config.threads().io();
        return new BlockingSocketServer(name, config, () -> {
            if (carriers > 0) {
                CarrierThreads.apply(carriers);
            }
            return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-conn-", 1).factory());
        }, Thread.ofVirtual().name(name + "-writer-", 1).factory());
    }

    /**
     * Sets the number of carrier threads for the whole JVM; the CLI calls it before anything starts a
     * virtual thread. See {@link CarrierThreads#apply}.
     *
     * @throws IllegalStateException when virtual threads already run on another number of carriers and
     *                               this JDK cannot change it at run time
     */
    public static void applyCarrierThreads(int carriers) {
        CarrierThreads.apply(carriers);
    }

    /**
     * The carrier threads the scheduler runs on, as the JDK reports it (JDK 24+), or empty when it cannot
     * say. Asking creates the scheduler, which fixes its size: call it after {@link #applyCarrierThreads}.
     */
    public static OptionalInt carrierThreads() {
        return CarrierThreads.parallelism();
    }
}
