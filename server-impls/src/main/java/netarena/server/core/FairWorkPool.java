package netarena.server.core;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Worker threads that serve connections in turn, not requests first come first served: each connection
 * queues its work in its own {@link WorkLane}, and a free worker takes one task from the lane at the head
 * of a ring of lanes with work, then puts that lane at the back if it has more. A connection that pipelines
 * a thousand requests therefore delays another connection's request by at most one task per busy lane.
 *
 * <pre>
 *   ring:  [lane A] -> [lane B] -> [lane C]        worker: take A's first task, A to the back if it has more
 *   long work waiting for a long slot: [lane D]   (back into the ring when a long task ends)
 * </pre>
 *
 * <p>Bounds: {@link #submit} refuses (the caller answers BUSY) past {@code maxQueued} tasks waiting
 * server-wide, or past a lane's own bound ({@link WorkLane#admits}). At most {@code maxLongRunning} workers
 * run long work (a declared cost of {@link #LONG_WORK_MICROS} or more) at once, so the others stay free for
 * short work: a few connections asking for seconds of BLOCK or CPU cannot take every worker.
 *
 * <p>Threads: {@link #submit} from any thread (I/O threads, mostly); the workers are this pool's own
 * platform threads. One lock guards the ring and every lane; it is held only to move tasks, never to run one.
 */
final class FairWorkPool implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FairWorkPool.class.getName());

    /** Declared work at or above this many microseconds (100 ms) is long: it may take only the long slots. */
    static final long LONG_WORK_MICROS = 100_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<WorkLane> ring = new ArrayDeque<>();
    /** Lanes whose next task is long while every long slot is taken. */
    private final ArrayDeque<WorkLane> waitingForLongSlot = new ArrayDeque<>();
    private final int maxQueued;
    private final int maxLongRunning;
    private final Thread[] workers;
    private int queued;
    private int longRunning;
    private boolean closed;

    /**
     * @param threads  worker threads, started now
     * @param maxQueued tasks that may wait server-wide (the worker queue)
     */
    FairWorkPool(int threads, int maxQueued, ThreadFactory factory) {
        this.maxQueued = maxQueued;
        this.maxLongRunning = Math.max(1, threads / 2);
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = factory.newThread(this::workLoop);
            workers[i].start();
        }
    }

    /** The long slots: workers that may run long work at once (half of them, at least one). */
    int maxLongRunning() {
        return maxLongRunning;
    }

    /**
     * Queues {@code task} on {@code lane}, or returns false when the worker queue is full, the lane is past its
     * bound, or the pool is closed: the caller answers BUSY. Any thread.
     */
    boolean submit(WorkLane lane, Runnable task, long declaredMicros) {
        lock.lock();
        try {
            if (closed || queued >= maxQueued || !lane.admits(declaredMicros)) {
                return false;
            }
            lane.add(new WorkLane.Task(task, declaredMicros));
            queued++;
            if (!lane.scheduled) {
                lane.scheduled = true;
                ring.addLast(lane);
                ready.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void workLoop() {
        while (true) {
            WorkLane.Task task;
            WorkLane lane;
            lock.lock();
            try {
                while ((lane = nextLane()) == null) {
                    if (closed) {
                        return;
                    }
                    ready.await();
                }
                task = lane.poll();
                queued--;
                if (isLong(task)) {
                    longRunning++;
                }
                if (lane.hasQueued()) {
                    ring.addLast(lane);
                    ready.signal(); // a free worker may take its next task meanwhile
                } else {
                    lane.scheduled = false;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                task.run().run();
            } catch (RuntimeException e) {
                // the task answers its own faults; one escaping here is a bug, and must not cost a worker
                LOG.log(System.Logger.Level.WARNING, "a task failed on a worker", e);
            } finally {
                finished(lane, task);
            }
        }
    }

    /** The first lane in the ring whose next task may run now; lanes held back for a long slot wait aside. Locked. */
    private WorkLane nextLane() {
        if (closed) {
            return null;
        }
        for (Iterator<WorkLane> it = ring.iterator(); it.hasNext(); ) {
            WorkLane lane = it.next();
            it.remove();
            if (isLong(lane.peek()) && longRunning >= maxLongRunning) {
                waitingForLongSlot.addLast(lane);
            } else {
                return lane;
            }
        }
        return null;
    }

    private void finished(WorkLane lane, WorkLane.Task task) {
        lock.lock();
        try {
            lane.done(task.declaredMicros());
            if (isLong(task)) {
                longRunning--;
                ring.addAll(waitingForLongSlot);
                waitingForLongSlot.clear();
                ready.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean isLong(WorkLane.Task task) {
        return task.declaredMicros() >= LONG_WORK_MICROS;
    }

    /** Stops the workers; queued tasks are dropped (the grace period has ended by then). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            worker.interrupt();
        }
    }
}
