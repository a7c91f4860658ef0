package netarena.server.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import netarena.protocol.ServerCodec;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * What every model shares while it runs: the config, the counters, the request dispatcher, the
 * connection limit, the server-wide memory budget, the reaper that enforces the idle and header
 * timeouts, and the set of live connections that a graceful stop drains.
 */
public final class ServerRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());

    private final String name;
    private final ServerConfig config;
    private final ServerStats stats = new ServerStats();
    private final RequestDispatcher dispatcher;
    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final MemoryBudget memory;
    private final ConnectionReaper reaper;
    private final Admissions admissions;
    private volatile boolean stopping;

    /**
     * @param name      what the server's threads are named after: its model's label
     * @param delayMode how DELAY is served: SLEEP where each connection owns a thread, TIMER elsewhere
     */
    public ServerRuntime(String name, ServerConfig config, RequestDispatcher.DelayMode delayMode) {
        this.name = name;
        this.config = config;
        this.dispatcher = new RequestDispatcher(config.threads(), delayMode, name, config.testCostMicros(),
                maxTimers(config), stats);
        this.memory = new MemoryBudget(config.limits().bufferedBytes(), stats);
        stats.heldBytesFrom(memory::heldBytes);
        this.reaper = new ConnectionReaper(this, name + "-reaper");
        this.admissions = new Admissions(stats, config.limits().connections(), name + "-admission");
    }

    /**
     * DELAYs that may wait on the timer at once: as many as the memory budget could hold at what each costs
     * in flight ({@link Connection#REQUEST_OVERHEAD_BYTES}), and never fewer than 1024.
     */
    static int maxTimers(ServerConfig config) {
        return (int) Math.min(Integer.MAX_VALUE,
                Math.max(1024, config.limits().bufferedBytes() / Connection.REQUEST_OVERHEAD_BYTES));
    }

    /** What the server's threads are named after: its model's label. */
    public String name() {
        return name;
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

    MemoryBudget memory() {
        return memory;
    }

    ConnectionReaper reaper() {
        return reaper;
    }

    Iterable<Connection> liveConnections() {
        return live;
    }

    /** Bytes held for every connection together (see {@link ServerConfig.Limits#bufferedBytes}); any thread. */
    public long heldBytes() {
        return memory.heldBytes();
    }

    /**
     * Counts a failed accept and logs it through {@code log}, which backs the accepting thread off; the
     * accepting thread.
     */
    public void acceptFailed(AcceptFailureLog log, Exception e) {
        stats.acceptFailed();
        log.failed(e);
    }

    ServerCodec newCodec() {
        return config.protocol().newServerCodec(config.limits().protocolLimits());
    }

    /**
     * Admits a newly accepted connection and hands it to {@code then}, or hands null when it is over
     * {@code limits().connections()} (or the server is stopping): the model then closes the socket at once.
     * Counted either way. {@code then} runs on the calling thread when there is room, else on the admission
     * thread once the closes already under way have been counted out ({@link Admissions}); the model must
     * not read from the socket before it runs.
     */
    public void admit(ConnectionIo io, Consumer<Connection> then) {
        if (stopping) {
            stats.connectionRefused();
            then.accept(null);
        } else if (admissions.tryNow()) {
            then.accept(register(io));
        } else if (!admissions.later(() -> then.accept(admissions.awaitRoom() && !stopping ? register(io) : refuse()))) {
            then.accept(refuse());
        }
    }

    private Connection refuse() {
        stats.connectionRefused();
        return null;
    }

    /** Makes the connection of one counted in, or refuses it when a stop began meanwhile. */
    private Connection register(ConnectionIo io) {
        reaper.startOnce();
        Connection connection = new Connection(this, io);
        live.add(connection);
        if (stopping) {
            // a stop began after the check in admit: its drain may have walked the live set before this
            // connection joined it, and would never end its input; refuse it, as one that came after
            unregister(connection);
            stats.connectionRefused();
            return null;
        }
        return connection;
    }

    void unregister(Connection connection) {
        if (live.remove(connection)) {
            memory.forget(connection);
            connection.countOut();
        }
    }

    /**
     * Counts a connection out of the limit: once, at the first of the EOF or error its model reads and its
     * close. Any thread.
     */
    void countedOut() {
        stats.connectionClosed();
        admissions.countedOut();
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
        reaper.stop();
        admissions.close();
        dispatcher.close();
    }
}
