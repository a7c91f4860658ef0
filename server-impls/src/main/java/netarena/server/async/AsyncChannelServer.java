package netarena.server.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;
import netarena.server.core.AcceptFailureLog;
import netarena.server.core.NamedThreads;
import netarena.server.core.RequestDispatcher;
import netarena.server.core.ServerRuntime;

/**
 * async: the JDK's completion model, {@link AsynchronousChannelGroup} with a fixed pool of
 * {@code --io-threads} threads (default: one per core). On Windows this is an IO Completion Port; on
 * Linux the JDK emulates completion on top of epoll.
 * <ul>
 *   <li>accepts are posted ahead: the accept handler posts the next accept before it sets up the
 *       connection it was given, as AcceptEx does, so a new connection never waits for a thread to ask;</li>
 *   <li>a completion thread runs each read's handler: it decodes, runs the request (no workers) and
 *       posts the write; at most one read and one write are outstanding per connection;</li>
 *   <li>{@code --workers N}: requests run on workers, whose answers join the connection's write queue;</li>
 *   <li>the next read is not posted while unsent output is over max-pending (bounded memory).</li>
 * </ul>
 * Per-connection state (the completion key of the Windows design) is {@link AsyncConnection}; per-I/O
 * state (the OVERLAPPED plus buffer) travels as the handlers' attachment.
 */
public final class AsyncChannelServer implements Server {

    private final ServerConfig config;
    private final ServerRuntime runtime;
    private final AcceptFailureLog acceptFailures = new AcceptFailureLog();
    private AsynchronousChannelGroup group;
    private AsynchronousServerSocketChannel listener;
    private volatile boolean stopped;

    public AsyncChannelServer(ServerConfig config) {
        this.config = config;
        this.runtime = new ServerRuntime(config, RequestDispatcher.DelayMode.TIMER);
    }

    @Override
    public InetSocketAddress start() throws IOException {
        int n = config.ioThreadsOr(Runtime.getRuntime().availableProcessors());
        group = AsynchronousChannelGroup.withFixedThreadPool(n, NamedThreads.platform(config.model().label() + "-io"));
        listener = AsynchronousServerSocketChannel.open(group);
        listener.bind(new InetSocketAddress(config.bindHost(), config.port()), config.backlog());
        listener.accept(null, acceptHandler);
        return (InetSocketAddress) listener.getLocalAddress();
    }

    private final CompletionHandler<AsynchronousSocketChannel, Void> acceptHandler = new CompletionHandler<>() {
        @Override
        public void completed(AsynchronousSocketChannel channel, Void unused) {
            postNextAccept();
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                AsyncConnection.closeQuietly(channel);
                return;
            }
            AsyncConnection.open(runtime, channel);
        }

        @Override
        public void failed(Throwable e, Void unused) {
            if (stopped || !listener.isOpen()) {
                return;
            }
            runtime.acceptFailed(acceptFailures, e instanceof Exception ex ? ex : new IOException(e));
            postNextAccept();
        }
    };

    private void postNextAccept() {
        if (!stopped && listener.isOpen()) {
            listener.accept(null, acceptHandler);
        }
    }

    @Override
    public void stop(Duration grace) {
        if (stopped || listener == null) {
            stopped = true;
            return;
        }
        stopped = true;
        AsyncConnection.closeQuietly(listener);
        runtime.drain(grace);
        try {
            group.shutdownNow();
            group.awaitTermination(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the group is going away either way
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
