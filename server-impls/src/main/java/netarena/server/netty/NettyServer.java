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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;
import netarena.server.core.AcceptFailureLog;
import netarena.server.core.RequestDispatcher;
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
public final class NettyServer implements Server {

    private static final System.Logger LOG = System.getLogger(NettyServer.class.getName());

    private final ServerConfig config;
    private final NettyTransport transport;
    private final ServerRuntime runtime;
    private EventLoopGroup acceptor;
    private EventLoopGroup loops;
    private Channel listener;
    private volatile boolean stopped;

    public NettyServer(ServerConfig config, NettyTransport transport) {
        this.config = config;
        this.transport = transport;
        this.runtime = new ServerRuntime(config, RequestDispatcher.DelayMode.TIMER);
    }

    /** The factory the model registry holds for one transport. */
    public static Function<ServerConfig, Server> on(NettyTransport transport) {
        return config -> new NettyServer(config, transport);
    }

    @Override
    public InetSocketAddress start() throws IOException {
        String name = config.model().label();
        if (transport == NettyTransport.IO_URING && IoUring.isPollAddMultishotEnabled()) {
            LOG.log(System.Logger.Level.WARNING, "io_uring multishot poll is on (-D{0}): connections reset before "
                    + "they are accepted may never be closed", NettyTransport.IO_URING_MULTISHOT_POLL);
        }
        int n = config.ioThreadsOr(Runtime.getRuntime().availableProcessors());
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-acceptor", true),
                transport.ioHandlerFactory());
        loops = new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory(name + "-loop", true),
                transport.ioHandlerFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, loops)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptFailures(runtime))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.maxPendingBytes() / 2, config.maxPendingBytes()))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new NettyConnection(runtime, channel));
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.bindHost(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownLoops();
            runtime.close();
            throw new IOException("netty " + transport.label() + " could not bind " + config.bindHost() + ":"
                    + config.port() + ": " + bound.cause(), bound.cause());
        }
        listener = bound.channel();
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void stop(Duration grace) {
        if (stopped || listener == null) {
            stopped = true;
            return;
        }
        stopped = true;
        listener.close().awaitUninterruptibly();
        runtime.drain(grace);
        shutdownLoops();
        runtime.close();
    }

    private void shutdownLoops() {
        Future<?> a = acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        Future<?> l = loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        a.awaitUninterruptibly(2, TimeUnit.SECONDS);
        l.awaitUninterruptibly(2, TimeUnit.SECONDS);
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

    @Override
    public ServerStats.Snapshot stats() {
        return runtime.stats().snapshot();
    }
}
