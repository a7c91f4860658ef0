package netarena.server.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import netarena.server.ServerConfig;

/**
 * The threads that run work apart from the I/O threads, serving connections in turn: "which task runs next"
 * is the {@link LaneRing}'s, the same for every kind; "what runs it" is the subclass's, one per
 * {@link netarena.server.WorkerPoolKind}: platform threads the pool owns, fixed or elastic
 * ({@link PlatformWorkPool}), or a task handed to a ForkJoinPool or to a new virtual thread
 * ({@link HandOffWorkPool}). A connection that pipelines a thousand requests therefore delays another
 * connection's request by at most one task per busy lane, whichever kind runs them.
 *
 * <p>Threads: {@link #submit} from any thread (I/O threads, mostly). One lock guards the ring and every lane;
 * it is held only to move tasks, never to run one.
 */
abstract sealed class FairWorkPool implements AutoCloseable permits PlatformWorkPool, HandOffWorkPool {

    private static final System.Logger LOG = System.getLogger(FairWorkPool.class.getName());

    /** Guards {@link #ring}, every lane's queue, {@link #closed} and the subclass's own counts. */
    final ReentrantLock lock = new ReentrantLock();
    final LaneRing ring;
    /** The threads running a task now, to interrupt at {@link #close}. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    /** Written under the lock; volatile so that a handed-off task can see it without. */
    volatile boolean closed;
    /** The most threads the pool has held at once; lock. */
    private int peakThreads;

    FairWorkPool(int maxQueued, int maxLongRunning) {
        this.ring = new LaneRing(maxQueued, maxLongRunning);
    }

    /**
     * A pool of the kind {@code spec} names with {@code threads} workers (an elastic pool's core), of which half
     * (at least one) may run long work at once; threads named {@code prefix-1}, {@code prefix-2}...
     *
     * @param maxQueued tasks that may wait server-wide (the worker queue)
     */
    static FairWorkPool create(ServerConfig.WorkerPool spec, int threads, int maxQueued, String prefix) {
        return switch (spec.kind()) {
            case FIXED -> PlatformWorkPool.fixed(threads, maxQueued, prefix);
            case ELASTIC -> PlatformWorkPool.elastic(Math.min(threads, spec.maxThreads()), spec.maxThreads(),
                    spec.keepAlive(), maxQueued, prefix);
            case WORK_STEALING -> HandOffWorkPool.forkJoin(threads, maxQueued, prefix);
            case VIRTUAL -> HandOffWorkPool.virtual(threads, maxQueued, prefix);
        };
    }

    /** The long slots for a pool of {@code threads}: half of them, at least one. */
    static int longSlots(int threads) {
        return Math.max(1, threads / 2);
    }

    /** Tasks of long work that may run at once. */
    final int maxLongRunning() {
        return ring.maxLongRunning();
    }

    /**
     * Queues {@code task} on {@code lane}, or returns false when the worker queue is full, the lane is past its
     * bound, or the pool is closed: the caller answers BUSY. Any thread.
     */
    final boolean submit(WorkLane lane, Runnable task, long declaredMicros) {
        lock.lock();
        try {
            if (closed || !ring.offer(lane, new WorkLane.Task(task, declaredMicros))) {
                return false;
            }
            if (ring.hasRunnable()) {
                workArrived();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A task joined the ring and may run now: find or make a thread for it. Lock held. */
    abstract void workArrived();

    /** The threads that run this pool's tasks now: platform workers, ForkJoinPool workers, or virtual threads. */
    abstract int threads();

    /** The most threads {@link #threads()} has counted at once. Any thread. */
    final int peakThreads() {
        lock.lock();
        try {
            return Math.max(peakThreads, threads());
        } finally {
            lock.unlock();
        }
    }

    /** Counts {@code now} threads towards {@link #peakThreads()}. Lock held. */
    final void sawThreads(int now) {
        peakThreads = Math.max(peakThreads, now);
    }

    /**
     * Runs {@code turn}'s task on the calling thread. A fault that escapes it is logged: the task answers its own
     * faults, so one escaping is a bug, and it must not cost the pool a thread. The caller then calls
     * {@link #finish}.
     */
    final void run(LaneRing.Turn turn) {
        Thread self = Thread.currentThread();
        running.add(self);
        try {
            turn.task().run().run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a task failed on a worker", e);
        } finally {
            running.remove(self);
        }
    }

    /** Counts {@code turn} finished in the ring. Lock held. */
    final void finish(LaneRing.Turn turn) {
        ring.finished(turn);
    }

    /**
     * Stops taking tasks and interrupts the ones running (a BLOCK ends early); queued tasks are dropped, since
     * the grace period has ended by then. Any thread.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closed();
        } finally {
            lock.unlock();
        }
        running.forEach(Thread::interrupt);
    }

    /** The pool was closed: let idle threads end. Lock held. */
    abstract void closed();
}
