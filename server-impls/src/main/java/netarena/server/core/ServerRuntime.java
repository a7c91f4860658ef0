package netarena.server.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import netarena.protocol.ServerCodec;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * What every model shares while it runs: the config, the counters, the request dispatcher, the
 * connection limit and the set of live connections that a graceful stop drains.
 */
public final class ServerRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());

    private final ServerConfig config;
    private final ServerStats stats = new ServerStats();
    private final RequestDispatcher dispatcher;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public ServerRuntime(ServerConfig config, RequestDispatcher.DelayMode delayMode) {
        this.config = config;
        this.dispatcher = new RequestDispatcher(config.workers(), config.workerQueue(), delayMode,
                config.model().label(), config.testCostMicros());
    }

    public ServerConfig config() {
        return config;
    }

    public ServerStats stats() {
        return stats;
    }

    RequestDispatcher dispatcher() {
        return dispatcher;
    }

    ServerCodec newCodec() {
        return config.protocol().newServerCodec(config.protocolLimits());
    }

    /**
     * Admits a newly accepted connection, or returns null when it is over {@code maxConnections} (or the
     * server is stopping): the model then closes the socket at once. Counted either way.
     */
    public Connection admit(ConnectionIo io) {
        if (stopping) {
            stats.connectionRefused();
            return null;
        }
        if (!stats.tryOpen(config.maxConnections())) {
            stats.connectionRefused();
            return null;
        }
        Connection connection = new Connection(this, io);
        live.add(connection);
        return connection;
    }

    void unregister(Connection connection) {
        if (live.remove(connection)) {
            stats.connectionClosed();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /**
     * Ends input on every connection, waits up to {@code grace} for their requests to be answered and
     * written, then closes what is left. The model must have stopped accepting first.
     */
    public void drain(Duration grace) {
        stopping = true;
        live.forEach(Connection::endInput);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        if (!live.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "grace period over: closing {0} connection(s) with work in flight",
                    live.size());
            live.forEach(Connection::forceClose);
        }
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
