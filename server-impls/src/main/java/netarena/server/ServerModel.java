package netarena.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import netarena.server.async.AsyncChannelServer;
import netarena.server.selector.SelectorServer;
import netarena.server.threadperclient.ThreadPerClientServer;

/**
 * The registry of I/O models: a new model is one class plus one line here. {@code netarena models}, the
 * conformance suite and the JMH parameters all read it.
 */
public enum ServerModel {
    THREAD_PER_CLIENT("thread-per-client",
            "blocking sockets, one platform thread per connection (--io-threads N: a fixed pool of N)",
            ThreadPerClientServer::new),
    SELECTOR("selector",
            "java.nio Selector reactors, non-blocking channels, readiness-based (--io-threads reactors)",
            SelectorServer::new),
    ASYNC("async",
            "AsynchronousChannelGroup completion handlers: the JDK's IOCP model (epoll-emulated on Linux)",
            AsyncChannelServer::new);

    private final String label;
    private final String description;
    private final Function<ServerConfig, Server> factory;

    ServerModel(String label, String description, Function<ServerConfig, Server> factory) {
        this.label = label;
        this.description = description;
        this.factory = factory;
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
        return null;
    }

    public boolean available() {
        return unavailabilityReason() == null;
    }

    /** A new, unstarted server of this model. */
    public Server create(ServerConfig config) {
        if (config.model() != this) {
            throw new IllegalArgumentException("config is for model " + config.model().label() + ", not " + label);
        }
        String reason = unavailabilityReason();
        if (reason != null) {
            throw new IllegalStateException("model " + label + " is not available here: " + reason);
        }
        return factory.apply(config);
    }

    public static ServerModel fromLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        for (ServerModel m : values()) {
            if (m.label.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + label + "': expected one of "
                + Arrays.stream(values()).map(ServerModel::label).toList());
    }

    public static List<ServerModel> availableModels() {
        return Arrays.stream(values()).filter(ServerModel::available).toList();
    }
}
