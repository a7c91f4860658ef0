package netarena.server.threadperclient;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.core.BlockingSocketServer;
import netarena.server.core.NamedThreads;

/**
 * thread-per-client: the classic blocking design.
 * <ul>
 *   <li>one platform thread accepts;</li>
 *   <li>each connection gets a platform thread that reads, decodes, runs the request (no workers) and
 *       writes the answer; DELAY and BLOCK simply sleep on it;</li>
 *   <li>{@code --io-threads 0}: a new thread per client; {@code --io-threads N}: a fixed pool of N, so
 *       connection N+1 waits in the pool's queue until one of the first N closes (head-of-line
 *       blocking: a waiting client is connected but gets no answer);</li>
 *   <li>{@code --workers N}: requests run on N workers of the {@code --worker-pool} kind; each connection
 *       then also gets a platform writer thread, started with its first answer, so that a client that stops
 *       reading holds its own writer and never a worker.</li>
 * </ul>
 * Memory per connection: a read buffer sized by its recent reads (512 B idle, see ReadSizer) and the thread's
 * small stack; reading stops at max-pending.
 */
public final class ThreadPerClientServer {

    /**
     * The stack a connection's platform thread reserves, in bytes: a read loop and one request need little, and
     * thousands of threads each reserving the default (1 MiB here) cost address space and page tables.
     */
    static final long CONNECTION_STACK_BYTES = 256 * 1024;

    private ThreadPerClientServer() {
    }

    /** A new, unstarted thread-per-client server; its threads are named after {@code name}. */
    public static Server create(String name, ServerConfig config) {
        int poolSize = config.threads().io();
        ThreadFactory connectionThreads = NamedThreads.platform(name + "-conn", CONNECTION_STACK_BYTES);
        return new BlockingSocketServer(name, config,
                () -> poolSize == 0 ? Executors.newThreadPerTaskExecutor(connectionThreads)
                        : Executors.newFixedThreadPool(poolSize, connectionThreads),
                NamedThreads.platform(name + "-writer"));
    }
}
