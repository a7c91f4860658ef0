package netarena.server.async;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import netarena.server.ServerConfig;
import netarena.server.core.AcceptFailureLog;
import netarena.server.core.NamedThreads;
import netarena.server.core.RequestDispatcher;
import netarena.server.core.ServerLifecycle;

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
public final class AsyncChannelServer extends ServerLifecycle {

    private AsynchronousChannelGroup group;
    private AsynchronousServerSocketChannel listener;
    private final Accepts accepts = new Accepts();

    public AsyncChannelServer(String name, ServerConfig config) {
        super(name, config, RequestDispatcher.DelayMode.TIMER);
    }

    @Override
    protected InetSocketAddress listen() throws IOException {
        group = AsynchronousChannelGroup.withFixedThreadPool(ioThreadsOrOnePerCore(),
                NamedThreads.platform(runtime.name() + "-io"));
        listener = AsynchronousServerSocketChannel.open(group);
        listener.bind(config.bind().address(), config.bind().backlog());
        listener.accept(null, accepts);
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /**
     * The accept completions, on the group's threads: each posts the next accept before it sets up the
     * connection it was given. A failure is counted, logged at most once per interval, and the next accept
     * posted; none is posted once the stop closed the listener.
     */
    private final class Accepts implements CompletionHandler<AsynchronousSocketChannel, Void> {
        private final AcceptFailureLog failures = new AcceptFailureLog();

        @Override
        public void completed(AsynchronousSocketChannel channel, Void unused) {
            postNext();
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                closeQuietly(channel);
                return;
            }
            AsyncConnection.open(runtime, channel);
        }

        @Override
        public void failed(Throwable e, Void unused) {
            if (stopping() || !listener.isOpen()) {
                return;
            }
            runtime.acceptFailed(failures, e instanceof Exception ex ? ex : new IOException(e));
            postNext();
        }

        private void postNext() {
            if (!stopping() && listener.isOpen()) {
                listener.accept(null, this);
            }
        }
    }

    @Override
    protected void stopAccepting() {
        closeListener(listener);
    }

    @Override
    protected void stopThreads() {
        if (group == null) {
            return;
        }
        try {
            group.shutdownNow();
        } catch (IOException e) {
            // closing the channels failed: the group is going away either way
        }
        awaitTermination(group::awaitTermination);
    }
}
