package netarena.server.core;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The work-stealing and the virtual worker pools: each task the ring gives is handed to something else to run,
 * at most {@code parallelism} at once, the next one handed off as one ends.
 * <ul>
 *   <li>work-stealing: a {@link ForkJoinPool} of parallelism {@code parallelism} in FIFO (async) mode. A task
 *       handed off from an I/O thread goes to the pool's shared submission queues; one handed off by a worker
 *       whose task just ended goes to that worker's own queue, where an idle worker steals it. The tasks never
 *       fork, so stealing moves whole requests. A BLOCK holds its ForkJoinPool worker as it would any thread
 *       (no {@code ManagedBlocker}: the request work is the same for every kind);</li>
 *   <li>virtual: a new virtual thread per task, at most {@code parallelism} running at once (a BLOCK parks
 *       its virtual thread and frees the carrier, but still counts; CPU work holds its carrier). The carriers are
 *       the JVM's one virtual-thread scheduler, shared with the {@code virtual} model's connections, so long
 *       work may take at most half of them.</li>
 * </ul>
 * Which task runs next is decided when it is handed off, so the ring's order holds: with at most
 * {@code parallelism} handed off, none waits long inside the executor.
 *
 * <p>Threads: the hand-off happens on the submitting thread or on the thread whose task just ended, under the
 * pool's lock.
 */
final class HandOffWorkPool extends FairWorkPool {

    /** The system property the JDK sizes its virtual-thread scheduler by (CarrierThreads sets it too). */
    private static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private final int parallelism;
    private final Consumer<Runnable> executor;
    /** Null for virtual threads, which are counted by {@link #handedOff}. */
    private final ForkJoinPool forkJoin;
    /** Tasks handed off and not yet ended; lock. */
    private int handedOff;

    private HandOffWorkPool(int parallelism, int maxQueued, int maxLongRunning, ForkJoinPool forkJoin,
            Consumer<Runnable> executor) {
        super(maxQueued, maxLongRunning);
        if (parallelism < 1) {
            throw new IllegalArgumentException("a worker pool needs at least 1 thread, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.forkJoin = forkJoin;
        this.executor = executor;
    }

    /** A ForkJoinPool of {@code parallelism} workers named {@code prefix-N}. */
    static HandOffWorkPool forkJoin(int parallelism, int maxQueued, String prefix) {
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(prefix + "-" + count.incrementAndGet());
            return t;
        }, null, true);
        return new HandOffWorkPool(parallelism, maxQueued, longSlots(parallelism), pool, pool::execute);
    }

    /**
     * A virtual thread per task, named {@code prefix-N}, at most {@code parallelism} at once. Long work may take
     * half of the fewer of {@code parallelism} and the carriers: CPU work holds its carrier, and the carriers are
     * the whole JVM's (the {@code virtual} model's connections run on them too), so long CPU work may not hold
     * them all while another carrier remains.
     */
    static HandOffWorkPool virtual(int parallelism, int maxQueued, String prefix) {
        ThreadFactory threads = Thread.ofVirtual().name(prefix + "-", 1).factory();
        int carriers = Integer.getInteger(CARRIERS_PROPERTY, Runtime.getRuntime().availableProcessors());
        return new HandOffWorkPool(parallelism, maxQueued, longSlots(Math.min(parallelism, carriers)), null,
                task -> threads.newThread(task).start());
    }

    @Override
    void workArrived() {
        while (handedOff < parallelism && !closed) {
            LaneRing.Turn turn = ring.take();
            if (turn == null) {
                return;
            }
            handedOff++;
            executor.accept(() -> runAndHandOffNext(turn));
            sawThreads(threads());
        }
    }

    private void runAndHandOffNext(LaneRing.Turn turn) {
        if (!closed) { // handed off before the pool closed, and not started since: dropped as a queued one
            run(turn);
        }
        lock.lock();
        try {
            finish(turn);
            handedOff--;
            workArrived();
        } finally {
            lock.unlock();
        }
    }

    @Override
    int threads() {
        lock.lock();
        try {
            return forkJoin != null ? forkJoin.getPoolSize() : handedOff;
        } finally {
            lock.unlock();
        }
    }

    @Override
    void closed() {
        if (forkJoin != null) {
            forkJoin.shutdown();
        }
    }
}
