package netarena.server.threadperclient;

import java.net.InetSocketAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;
import netarena.server.core.BlockingSocketServer;
import netarena.server.core.NamedThreads;
import netarena.server.core.RequestDispatcher;

/**
 * thread-per-client: the classic blocking design.
 * <ul>
 *   <li>one platform thread accepts;</li>
 *   <li>each connection gets a platform thread that reads, decodes, runs the request (no workers) and
 *       writes the answer; DELAY and BLOCK simply sleep on it;</li>
 *   <li>{@code --io-threads 0}: a new thread per client; {@code --io-threads N}: a fixed pool of N, so
 *       connection N+1 waits in the pool's queue until one of the first N closes (head-of-line
 *       blocking: a waiting client is connected but gets no answer);</li>
 *   <li>{@code --workers N}: requests run on N worker threads; each connection then also gets a platform
 *       writer thread, started with its first answer, so that a client that stops reading holds its own
 *       writer and never a worker.</li>
 * </ul>
 * Memory per connection: one 16 KiB read buffer and the thread's stack; reading stops at max-pending.
 */
public final class ThreadPerClientServer implements Server {

    private final BlockingSocketServer server;

    public ThreadPerClientServer(ServerConfig config) {
        String name = config.model().label() + "-conn";
        this.server = new BlockingSocketServer(config, () -> connectionThreads(config.ioThreads(), name),
                NamedThreads.platform(config.model().label() + "-writer"), RequestDispatcher.DelayMode.SLEEP);
    }

    private static ExecutorService connectionThreads(int poolSize, String name) {
        return poolSize == 0 ? Executors.newThreadPerTaskExecutor(NamedThreads.platform(name))
                : Executors.newFixedThreadPool(poolSize, NamedThreads.platform(name));
    }

    @Override
    public InetSocketAddress start() throws IOException {
        return server.start();
    }

    @Override
    public void stop(Duration grace) {
        server.stop(grace);
    }

    @Override
    public ServerStats.Snapshot stats() {
        return server.stats();
    }
}
