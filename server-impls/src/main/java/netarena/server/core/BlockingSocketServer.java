package netarena.server.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * The accept loop and lifecycle shared by the models that run each connection on a thread of its own;
 * they differ only in the executor that provides those threads. One platform thread accepts.
 */
public final class BlockingSocketServer implements Server {

    private static final System.Logger LOG = System.getLogger(BlockingSocketServer.class.getName());

    private final ServerConfig config;
    private final Supplier<ExecutorService> connectionThreads;
    private final ThreadFactory writerThreads;
    private final ServerRuntime runtime;
    private final AcceptFailureLog acceptFailures = new AcceptFailureLog();
    private ServerSocket listener;
    private ExecutorService executor;
    private Thread acceptor;
    private volatile boolean stopped;

    /**
     * @param connectionThreads the executor that runs one {@code readLoop} per connection
     * @param writerThreads     makes a connection's writer thread, of the same kind as its reader, when
     *                          {@code --workers} answer its requests (see {@link BlockingSocketIo})
     * @param delayMode         how DELAY is served; SLEEP, since these models own a thread per connection
     */
    public BlockingSocketServer(ServerConfig config, Supplier<ExecutorService> connectionThreads,
            ThreadFactory writerThreads, RequestDispatcher.DelayMode delayMode) {
        this.config = config;
        this.connectionThreads = connectionThreads;
        this.writerThreads = config.workers() > 0 ? writerThreads : null;
        this.runtime = new ServerRuntime(config, delayMode);
    }

    @Override
    public InetSocketAddress start() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(config.bindHost(), config.port()), config.backlog());
        executor = connectionThreads.get();
        acceptor = NamedThreads.platform(config.model().label() + "-acceptor").newThread(this::acceptLoop);
        acceptor.start();
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!stopped) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                if (stopped) {
                    return;
                }
                runtime.acceptFailed(acceptFailures, e);
                continue;
            } catch (IOException e) {
                runtime.acceptFailed(acceptFailures, e);
                continue;
            }
            BlockingSocketIo io;
            try {
                socket.setTcpNoDelay(true);
                io = new BlockingSocketIo(socket, writerThreads);
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the socket is being discarded
                }
                continue;
            }
            if (io.admit(runtime)) {
                try {
                    executor.execute(io::readLoop);
                } catch (RejectedExecutionException stopping) {
                    // admitted just as the stop shut the executor down: close it as a connection, so that it
                    // is counted closed and leaves the live set, not only as a socket
                    io.close();
                }
            }
        }
    }

    @Override
    public void stop(Duration grace) {
        if (stopped || listener == null) {
            stopped = true;
            return;
        }
        stopped = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listener failed: {0}", e.toString());
        }
        runtime.drain(grace);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
    }

    @Override
    public ServerStats.Snapshot stats() {
        return runtime.stats().snapshot();
    }
}
