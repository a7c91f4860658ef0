package netarena.server.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import netarena.server.ServerStats;

/**
 * The connection limit, applied exactly. A connection the peer closed is counted out when its model reads the
 * EOF or the error, on that connection's I/O thread, which may run a moment after the acceptor has taken a new
 * connection from the same client: refusing the new one then would apply the limit to a count that is already
 * wrong. So a connection that finds the limit reached is not refused at once: it waits on the admission thread
 * (one per server, started on first use) up to {@link #SETTLE_MILLIS} for a count-out, and only then is refused.
 * Connections behind it queue in order, so none overtakes another. Once a wait ended with no room, later
 * arrivals are refused at once until something is counted out again: a server held at its limit refuses a
 * flood without waiting for each.
 *
 * <p>Threads: {@link #tryNow} on the accepting thread; {@link #later} hands a task to the admission thread;
 * {@link #awaitRoom} runs there; {@link #countedOut} on any thread.
 */
final class Admissions implements AutoCloseable {

    /** How long a connection at the limit waits for the closes already under way to be counted out. */
    static final long SETTLE_MILLIS = 100;

    private final ServerStats stats;
    private final int max;
    private final String threadName;
    private final Object lock = new Object();
    /** Connections queued for the admission thread; while any are, newcomers queue behind them. */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong countOuts = new AtomicLong();
    /** {@link #countOuts} when a wait last ended with no room; admission thread only. */
    private long countOutsAtLastRefusal = -1;
    private ExecutorService thread;

    Admissions(ServerStats stats, int max, String threadName) {
        this.stats = stats;
        this.max = max;
        this.threadName = threadName;
    }

    /** Counts a connection in when there is room and none is queued; the accepting thread. */
    boolean tryNow() {
        return queued.get() == 0 && stats.tryOpen(max);
    }

    /**
     * Runs {@code task} on the admission thread, after those queued before it; false when the thread is gone
     * (the server stopped), in which case the caller refuses.
     */
    boolean later(Runnable task) {
        queued.incrementAndGet();
        try {
            executor().execute(() -> {
                try {
                    task.run();
                } finally {
                    queued.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException stopped) {
            queued.decrementAndGet();
            return false;
        }
    }

    private synchronized ExecutorService executor() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(NamedThreads.platform(threadName));
        }
        return thread;
    }

    /**
     * Counts a connection in if room appears within {@link #SETTLE_MILLIS}; false to refuse it. Refuses at once
     * when nothing was counted out since the last wait that found no room. The admission thread.
     */
    boolean awaitRoom() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        synchronized (lock) {
            while (!stats.tryOpen(max)) {
                long seen = countOuts.get();
                long leftNanos = deadline - System.nanoTime();
                if (seen == countOutsAtLastRefusal || leftNanos <= 0) {
                    countOutsAtLastRefusal = seen;
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, leftNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** A connection was counted out (see {@link ServerStats#connectionClosed}); any thread. */
    void countedOut() {
        countOuts.incrementAndGet();
        if (queued.get() > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
