package netarena.server.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.uring.IoUring;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.core.AcceptFailureLog;
import netarena.server.core.RequestDispatcher;
import netarena.server.core.ServerLifecycle;
import netarena.server.core.ServerRuntime;

/**
 * netty-nio, netty-epoll, netty-io_uring: Netty 4.2 event loops ({@link MultiThreadIoEventLoopGroup})
 * on one of three {@link NettyTransport}s; the server code is the same for all three.
 * <ul>
 *   <li>one event loop of its own accepts and hands each channel to the next of the
 *       {@code --io-threads} event loops (default: one per core; Netty's own default would be two);</li>
 *   <li>that loop reads, decodes (the shared core, fed from the ByteBuf), runs the request (no workers)
 *       and writes; nio and epoll wait for readiness, io_uring submits the reads and writes and reaps
 *       their completions;</li>
 *   <li>{@code --workers N}: requests run on workers, whose {@code writeAndFlush} becomes a task on the
 *       channel's loop; DELAY fires from the shared timer thread the same way;</li>
 *   <li>memory: the write buffer's high water mark is max-pending, and reading stops while the channel is
 *       not writable or the shared connection has max-pending unsent; reads use Netty's pooled,
 *       adaptively sized buffers.</li>
 * </ul>
 * Half-closure is allowed, so a client that shuts its output still gets every answer. io_uring runs with
 * single-shot poll-in by default (see {@link NettyTransport#IO_URING_MULTISHOT_POLL} for the Netty bug).
 */
public final class NettyServer extends ServerLifecycle {

    private static final System.Logger LOG = System.getLogger(NettyServer.class.getName());

    private final NettyTransport transport;
    private EventLoopGroup acceptor;
    private EventLoopGroup loops;
    private Channel listener;

    public NettyServer(String name, ServerConfig config, NettyTransport transport) {
        super(name, config, RequestDispatcher.DelayMode.TIMER);
        this.transport = transport;
    }

    /** The factory the model registry holds for one transport: (model label, config) to server. */
    public static BiFunction<String, ServerConfig, Server> on(NettyTransport transport) {
        return (name, config) -> new NettyServer(name, config, transport);
    }

    @Override
    protected InetSocketAddress listen() throws IOException {
        if (transport == NettyTransport.IO_URING && IoUring.isPollAddMultishotEnabled()) {
            LOG.log(System.Logger.Level.WARNING, "io_uring multishot poll is on (-D{0}): connections reset before "
                    + "they are accepted may never be closed", NettyTransport.IO_URING_MULTISHOT_POLL);
        }
        int n = ioThreadsOrOnePerCore();
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(runtime.name() + "-acceptor", true),
                transport.ioHandlerFactory());
        loops = new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory(runtime.name() + "-loop", true),
                transport.ioHandlerFactory());
        ServerConfig.Bind bind = config.bind();
        ChannelFuture bound = bootstrap().bind(bind.host(), bind.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("netty " + transport.label() + " could not bind " + bind.host() + ":"
                    + bind.port() + ": " + bound.cause(), bound.cause());
        }
        listener = bound.channel();
        return (InetSocketAddress) listener.localAddress();
    }

    private ServerBootstrap bootstrap() {
        int maxPending = config.limits().pendingBytes();
        return new ServerBootstrap()
                .group(acceptor, loops)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, config.bind().backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptFailures(runtime))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(maxPending / 2, maxPending))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new NettyConnection(runtime, channel));
                    }
                });
    }

    @Override
    protected void stopAccepting() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
    }

    @Override
    protected void stopThreads() {
        List<Future<?>> shutdowns = new ArrayList<>();
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, loops}) {
            if (group != null) {
                shutdowns.add(group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
            }
        }
        shutdowns.forEach(f -> f.awaitUninterruptibly(2, TimeUnit.SECONDS));
    }

    /**
     * On the listening channel, ahead of Netty's acceptor: a failed accept (file descriptors exhausted, say)
     * is counted and logged at most once per interval, and accepting pauses for the same back-off as in the
     * other models. Netty's acceptor would pause for a second and log a warning with a stack trace each
     * time; it never sees the failure.
     */
    private static final class AcceptFailures extends ChannelInboundHandlerAdapter {
        private final ServerRuntime runtime;
        private final AcceptFailureLog log = new AcceptFailureLog();
        private final Runnable resume;
        private Channel listening;

        AcceptFailures(ServerRuntime runtime) {
            this.runtime = runtime;
            // made before it is needed: with no descriptors left, loading a class can fail too
            this.resume = () -> listening.config().setAutoRead(true);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            runtime.stats().acceptFailed();
            log.record(cause instanceof Exception e ? e : new IOException(cause));
            listening = ctx.channel();
            if (listening.config().isAutoRead()) {
                listening.config().setAutoRead(false);
                ctx.executor().schedule(resume, AcceptFailureLog.BACKOFF_NANOS, TimeUnit.NANOSECONDS);
            }
        }
    }
}
