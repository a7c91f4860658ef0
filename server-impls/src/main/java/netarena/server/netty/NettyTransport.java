package netarena.server.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.function.Supplier;

/**
 * The three Netty transports a {@link NettyServer} can run on: what drives its event loops, its server
 * channel class, and whether it can run here. The native ones need their JNI library (shipped in the
 * {@code linux-x86_64} jars) and, for io_uring, a kernel that allows it.
 */
public enum NettyTransport {
    /** java.nio Selector under the event loops: readiness-based, portable. */
    NIO("nio", NioIoHandler::newFactory, () -> NioServerSocketChannel.class, () -> null),
    /** Netty's own JNI epoll, edge-triggered: readiness-based. */
    EPOLL("epoll", EpollIoHandler::newFactory, () -> EpollServerSocketChannel.class,
            () -> Epoll.isAvailable() ? null : reason("epoll", Epoll.unavailabilityCause())),
    /** The kernel's io_uring submission and completion rings: completion-based. */
    IO_URING("io_uring", IoUringIoHandler::newFactory, () -> IoUringServerSocketChannel.class,
            () -> IoUring.isAvailable() ? null : reason("io_uring", IoUring.unavailabilityCause()));

    /**
     * Netty 4.2.18's multishot poll-in never reports the reset of a connection that the peer reset before
     * the server accepted it (after the bytes already sent are read, nothing more arrives), so such a
     * connection stays open for ever. Single-shot polls see the reset; we turn multishot off unless the
     * user set the property. It is read once, when Netty's {@code IoUring} class initialises.
     */
    static final String IO_URING_MULTISHOT_POLL = "io.netty.iouring.pollAddMultishotEnabled";

    static {
        if (System.getProperty(IO_URING_MULTISHOT_POLL) == null) {
            System.setProperty(IO_URING_MULTISHOT_POLL, "false");
        }
    }

    private final String label;
    private final Supplier<IoHandlerFactory> ioHandlerFactory;
    private final Supplier<Class<? extends ServerChannel>> serverChannel;
    private final Supplier<String> unavailability;

    NettyTransport(String label, Supplier<IoHandlerFactory> ioHandlerFactory,
            Supplier<Class<? extends ServerChannel>> serverChannel, Supplier<String> unavailability) {
        this.label = label;
        this.ioHandlerFactory = ioHandlerFactory;
        this.serverChannel = serverChannel;
        this.unavailability = unavailability;
    }

    public String label() {
        return label;
    }

    /** A new factory of the I/O handler that drives each event loop. */
    public IoHandlerFactory ioHandlerFactory() {
        return ioHandlerFactory.get();
    }

    public Class<? extends ServerChannel> serverChannel() {
        return serverChannel.get();
    }

    /** Why this transport cannot run here, with Netty's own cause, or null when it can. */
    public String unavailabilityReason() {
        return unavailability.get();
    }

    static String reason(String transport, Throwable cause) {
        String why = cause == null ? "no cause given" : cause.toString();
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != null && root != cause) {
            why += " (caused by " + root + ")";
        }
        return "Netty's native " + transport + " transport is not available on " + System.getProperty("os.name")
                + "/" + System.getProperty("os.arch") + ": " + why;
    }
}
