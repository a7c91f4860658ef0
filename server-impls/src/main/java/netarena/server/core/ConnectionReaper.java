package netarena.server.core;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one thread per server ({@code MODEL-reaper}) that enforces what no single read or write can: every
 * {@value #TICK_MILLIS} ms it advances the coarse clock connections stamp their activity with, scans the
 * live connections for the idle and header timeouts ({@link Connection#checkTimeouts}), and applies the
 * memory budget's rules ({@link MemoryBudget#tick}). The same code serves every model; closing the
 * socket is what unblocks a thread-per-connection model's reader.
 *
 * <p>Implementation notes: the clock is coarse so that the hot path stamps activity with a volatile read
 * instead of a {@code System.nanoTime()} call per read and write. A stamp can be up to one tick old, so a
 * timeout fires between its value and its value plus two ticks, never before. The thread starts with the
 * first connection, so a server that is built and never started owns no thread.
 */
final class ConnectionReaper {

    static final long TICK_MILLIS = 100;
    static final long TICK_NANOS = TICK_MILLIS * 1_000_000L;

    private final ServerRuntime runtime;
    private final long idleNanos;
    private final long headerNanos;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor thread;
    private volatile long nowNanos = System.nanoTime();

    ConnectionReaper(ServerRuntime runtime, String name) {
        this.runtime = runtime;
        this.idleNanos = runtime.config().timeouts().idle().toNanos();
        this.headerNanos = runtime.config().timeouts().header().toNanos();
        this.thread = new ScheduledThreadPoolExecutor(1, NamedThreads.platform(name));
    }

    /** The coarse clock, in {@code System.nanoTime()} units, at most one tick behind; any thread. */
    long now() {
        return nowNanos;
    }

    /**
     * Starts ticking, once; any thread (the first admitted connection calls it, before it stamps its first
     * activity). The clock is brought up to date first: it has stood still since the server was built, and a
     * first connection stamped with that old time would look idle since then and be closed at the first tick.
     * Written before {@code started}, so an admit that finds the reaper started also finds the clock current.
     */
    void startOnce() {
        if (!started.get()) {
            nowNanos = System.nanoTime();
            if (started.compareAndSet(false, true)) {
                thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            nowNanos = now;
            for (Connection connection : runtime.liveConnections()) {
                connection.checkTimeouts(now, idleNanos + TICK_NANOS, headerNanos + TICK_NANOS);
            }
            runtime.memory().tick(now, runtime.liveConnections());
        } catch (RuntimeException e) {
            // one bad tick must not end the ticking: a scheduled task that throws is never run again
            System.getLogger(ConnectionReaper.class.getName()).log(System.Logger.Level.ERROR, "reaper tick failed", e);
        }
    }

    void stop() {
        thread.shutdownNow();
    }
}
