package netarena.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import netarena.server.async.AsyncChannelServer;
import netarena.server.netty.NettyServer;
import netarena.server.netty.NettyTransport;
import netarena.server.selector.SelectorServer;
import netarena.server.threadperclient.ThreadPerClientServer;
import netarena.server.virtual.VirtualThreadServer;

/**
 * The registry of I/O models: a new model is one class plus one line here. {@code netarena models}, the
 * conformance suite and the JMH parameters all read it. A model is handed its config beside it
 * ({@link #create}); the config does not name its model, so the models need not know this registry.
 */
public enum ServerModel {
    THREAD_PER_CLIENT("thread-per-client",
            "blocking sockets, one platform thread per connection (--io-threads N: a fixed pool of N)",
            ThreadPerClientServer::create),
    SELECTOR("selector",
            "java.nio Selector reactors, non-blocking channels, readiness-based (--io-threads reactors)",
            SelectorServer::new),
    ASYNC("async",
            "AsynchronousChannelGroup completion handlers: the JDK's IOCP model (epoll-emulated on Linux)",
            AsyncChannelServer::new),
    VIRTUAL("virtual",
            "blocking sockets, one virtual thread per connection (--io-threads N: N carrier threads, JVM-wide)",
            VirtualThreadServer::create),
    NETTY_NIO("netty-nio",
            "Netty event loops on a java.nio Selector: readiness-based (--io-threads event loops)",
            NettyServer.on(NettyTransport.NIO), NettyTransport.NIO::unavailabilityReason),
    NETTY_EPOLL("netty-epoll",
            "Netty event loops on native edge-triggered epoll: readiness-based (Linux)",
            NettyServer.on(NettyTransport.EPOLL), NettyTransport.EPOLL::unavailabilityReason),
    NETTY_IO_URING("netty-io_uring",
            "Netty event loops on io_uring: the kernel's own completion interface, Linux's counterpart of IOCP",
            NettyServer.on(NettyTransport.IO_URING), NettyTransport.IO_URING::unavailabilityReason);

    private final String label;
    private final String description;
    private final BiFunction<String, ServerConfig, Server> factory;
    private final Supplier<String> unavailability;

    ServerModel(String label, String description, BiFunction<String, ServerConfig, Server> factory) {
        this(label, description, factory, () -> null);
    }

    /** @param unavailability why the model cannot run here (a native part is missing), or null when it can */
    ServerModel(String label, String description, BiFunction<String, ServerConfig, Server> factory,
            Supplier<String> unavailability) {
        this.label = label;
        this.description = description;
        this.factory = factory;
        this.unavailability = unavailability;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /**
     * Why this model cannot run here (a missing native transport, say), or null when it can. Models with
     * no native part are always available.
     */
    public String unavailabilityReason() {
        return unavailability.get();
    }

    public boolean available() {
        return unavailabilityReason() == null;
    }

    /** A new, unstarted server of this model with {@code config}; its threads are named after {@link #label}. */
    public Server create(ServerConfig config) {
        String reason = unavailabilityReason();
        if (reason != null) {
            throw new IllegalStateException("model " + label + " is not available here: " + reason);
        }
        return factory.apply(label, config);
    }

    public static ServerModel fromLabel(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("unknown model '" + label
                + "': expected one of " + Arrays.stream(values()).map(ServerModel::label).toList()));
    }

    /** Whether {@code label} names a model, available here or not. */
    public static boolean isLabel(String label) {
        return find(label).isPresent();
    }

    private static Optional<ServerModel> find(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst();
    }

    public static List<ServerModel> availableModels() {
        return Arrays.stream(values()).filter(ServerModel::available).toList();
    }
}
