package netarena.server.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;

/**
 * The fixed and the elastic worker pools: platform threads of the pool's own, each taking the ring's next task,
 * running it, and coming back for another.
 * <ul>
 *   <li>fixed: {@code core} threads, started with the pool and kept until it closes;</li>
 *   <li>elastic: {@code core} threads started with the pool; when a task is waiting that no thread is on its
 *       way to take and no thread is idle, one more starts, up to {@code max}; a thread idle for
 *       {@code keepAlive} ends while more than {@code core} are left (a {@code ThreadPoolExecutor} with core,
 *       maximum and keep-alive, growing as soon as work waits, as the Windows thread pool does). Half of
 *       {@code max} may run long work, since the pool grows for it.</li>
 * </ul>
 *
 * <p>Threads: its workers, named {@code prefix-N}. An idle worker waits on a condition of its own, so a task
 * wakes exactly one idle worker, and the pool knows how many are idle: {@link #idle} holds those not yet
 * woken, the most recently idle first, so the longest idle are the ones the keep-alive ends. A worker woken or
 * started for waiting work holds a claim until it looks at the ring ({@link #claims}): the work it will take
 * needs no other thread, which is what keeps a burst on a busy core from starting a thread per task while the
 * woken ones wait to run. The pool is made once its core threads wait for work.
 */
final class PlatformWorkPool extends FairWorkPool {

    private final int core;
    private final int max;
    /** Null for a fixed pool: its threads wait for work without end. */
    private final Duration keepAlive;
    private final ThreadFactory factory;
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Counted down by each thread as it first waits for work. */
    private final CountDownLatch coreIdle;
    /** Threads started and not yet ended; lock. */
    private int live;
    /** Threads woken or started for waiting work that have not looked at the ring since; lock. */
    private int claims;

    private PlatformWorkPool(int core, int max, Duration keepAlive, int maxQueued, String prefix) {
        super(maxQueued, longSlots(max));
        if (core < 1 || max < core) {
            throw new IllegalArgumentException("a worker pool needs 1 <= core <= max, was core " + core + ", max " + max);
        }
        this.core = core;
        this.max = max;
        this.keepAlive = keepAlive;
        this.factory = NamedThreads.platform(prefix);
        this.coreIdle = new CountDownLatch(core);
        lock.lock();
        try {
            for (int i = 0; i < core; i++) {
                startWorker(false);
            }
        } finally {
            lock.unlock();
        }
        awaitCoreIdle();
    }

    /** {@code threads} platform threads, kept. */
    static PlatformWorkPool fixed(int threads, int maxQueued, String prefix) {
        return new PlatformWorkPool(threads, threads, null, maxQueued, prefix);
    }

    /** {@code core} platform threads, growing to {@code max} under load, back to {@code core} after {@code keepAlive} idle. */
    static PlatformWorkPool elastic(int core, int max, Duration keepAlive, int maxQueued, String prefix) {
        return new PlatformWorkPool(core, max, keepAlive, maxQueued, prefix);
    }

    /**
     * Waits for the core threads to be waiting for work, so that the pool's first tasks find them idle: one that
     * came before a core thread first looked would otherwise start a thread more.
     */
    private void awaitCoreIdle() {
        boolean interrupted = false;
        while (true) {
            try {
                coreIdle.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Wakes an idle worker, or starts one below the maximum, for work that no claim covers yet. */
    @Override
    void workArrived() {
        if (ring.waiting() <= claims) {
            return;
        }
        Worker w = idle.pollFirst();
        if (w != null) {
            w.claimed = true;
            claims++;
            w.wake.signal();
        } else if (live < max) {
            claims++;
            startWorker(true);
        }
    }

    @Override
    int threads() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    @Override
    void closed() {
        for (Worker w; (w = idle.pollFirst()) != null; ) {
            w.claimed = true;
            claims++;
            w.wake.signal();
        }
    }

    /** Lock held. */
    private void startWorker(boolean claimed) {
        live++;
        sawThreads(live);
        Worker w = new Worker();
        w.claimed = claimed;
        factory.newThread(w).start();
    }

    /** One platform thread of the pool, and the condition it waits on while idle. */
    private final class Worker implements Runnable {

        private final Condition wake = lock.newCondition();
        /** True from being woken or started for work until this thread next looks at the ring; lock. */
        private boolean claimed;

        @Override
        public void run() {
            try {
                for (LaneRing.Turn turn; (turn = next()) != null; ) {
                    PlatformWorkPool.this.run(turn);
                    lock.lock();
                    try {
                        finish(turn);
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                lock.lock();
                try {
                    idle.remove(this);
                    if (claimed) {
                        claims--;
                    }
                    live--;
                } finally {
                    lock.unlock();
                }
            }
        }

        /**
         * The next task to run, waiting for one; null when this thread is to end (the pool closed, or an
         * elastic thread beyond the core idle for the keep-alive), counted out of {@link #live} already.
         */
        private LaneRing.Turn next() throws InterruptedException {
            lock.lock();
            try {
                long leftNanos = keepAlive == null ? 0 : keepAlive.toNanos();
                while (true) {
                    if (claimed) {
                        claimed = false;
                        claims--;
                    }
                    LaneRing.Turn turn = closed ? null : ring.take();
                    if (turn != null) {
                        workArrived(); // more may wait: another thread may take it meanwhile
                        return turn;
                    }
                    if (closed || (keepAlive != null && leftNanos <= 0 && live > core)) {
                        live--;
                        return null;
                    }
                    idle.addFirst(this);
                    coreIdle.countDown();
                    if (keepAlive == null) {
                        wake.await();
                    } else {
                        leftNanos = wake.awaitNanos(leftNanos > 0 ? leftNanos : keepAlive.toNanos());
                    }
                    if (!claimed) {
                        idle.remove(this); // the keep-alive ran out, or a spurious wake-up
                    } else {
                        leftNanos = keepAlive == null ? 0 : keepAlive.toNanos();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
