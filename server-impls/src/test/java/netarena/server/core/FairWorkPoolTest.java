package netarena.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import netarena.protocol.RequestWork;
import netarena.server.ServerConfig;
import netarena.server.WorkerPoolKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules every kind of worker pool keeps (connections in turn, the queue and lane bounds, the long slots, at
 * most N at once, a stop that ends running work), each tested on every kind; then what only one kind does.
 */
@Timeout(20)
class FairWorkPoolTest {

    private static final long SHORT = 0;
    private static final long LONG = LaneRing.LONG_WORK_MICROS;
    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    /** A pool of {@code kind} with exactly {@code threads} threads to run tasks: an elastic one may not grow. */
    private static FairWorkPool pool(WorkerPoolKind kind, int threads, int maxQueued) {
        return FairWorkPool.create(new ServerConfig.WorkerPool(kind, threads, KEEP_ALIVE), threads, maxQueued,
                "fair-test");
    }

    private static FairWorkPool pool(WorkerPoolKind kind, int threads) {
        return pool(kind, threads, 1000);
    }

    private static Runnable await(CountDownLatch latch) {
        return () -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Counts down {@code started}, then waits for {@code release}. */
    private static Runnable hold(CountDownLatch started, CountDownLatch release) {
        return () -> {
            started.countDown();
            await(release).run();
        };
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void servesConnectionsInTurnNotInArrivalOrder(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 1)) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch all = new CountDownLatch(7);
            WorkLane a = new WorkLane();
            WorkLane b = new WorkLane();
            assertTrue(pool.submit(a, await(hold), SHORT));
            for (int i = 0; i < 6; i++) {
                String name = "a" + i;
                assertTrue(pool.submit(a, () -> { ran.add(name); all.countDown(); }, SHORT));
            }
            assertTrue(pool.submit(b, () -> { ran.add("b0"); all.countDown(); }, SHORT));
            hold.countDown();
            assertTrue(all.await(10, TimeUnit.SECONDS));
            assertTrue(ran.indexOf("b0") <= 1, kind.label() + ": b's one request waited behind a's queue: " + ran);
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void refusesAConnectionPastItsDeclaredWorkAndServesTheOthers(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 2)) {
            CountDownLatch hold = new CountDownLatch(1);
            WorkLane hog = new WorkLane();
            assertTrue(pool.submit(hog, await(hold), 10_000_000), "a connection's first request is always taken");
            assertFalse(pool.submit(hog, () -> { }, 10_000_000), "the second would pass the declared bound");
            CountDownLatch served = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), served::countDown, SHORT));
            assertTrue(served.await(10, TimeUnit.SECONDS), kind.label() + ": another connection is served meanwhile");
            hold.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void refusesAConnectionPastItsTaskCount(WorkerPoolKind kind) {
        try (FairWorkPool pool = pool(kind, 1)) {
            CountDownLatch hold = new CountDownLatch(1);
            WorkLane lane = new WorkLane();
            for (int i = 0; i < WorkLane.MAX_TASKS_PER_CONNECTION; i++) {
                assertTrue(pool.submit(lane, await(hold), SHORT), "task " + i);
            }
            assertFalse(pool.submit(lane, () -> { }, SHORT));
            assertTrue(pool.submit(new WorkLane(), () -> { }, SHORT));
            hold.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void refusesPastTheWorkerQueue(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 1, 2)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), hold(started, release), SHORT));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(pool.submit(new WorkLane(), () -> { }, SHORT));
            assertTrue(pool.submit(new WorkLane(), () -> { }, SHORT));
            assertFalse(pool.submit(new WorkLane(), () -> { }, SHORT), kind.label() + ": two wait, the third is BUSY");
            release.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void keepsWorkersForShortWorkWhileLongWorkHoldsItsSlots(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 2)) {
            assertEquals(1, pool.maxLongRunning());
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch secondLongRan = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), await(hold), LONG));
            assertTrue(pool.submit(new WorkLane(), secondLongRan::countDown, LONG));
            CountDownLatch shortRan = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), shortRan::countDown, SHORT));
            assertTrue(shortRan.await(10, TimeUnit.SECONDS), kind.label() + ": the free worker runs short work");
            assertEquals(1, secondLongRan.getCount(), "long work waits for the one long slot");
            hold.countDown();
            assertTrue(secondLongRan.await(10, TimeUnit.SECONDS), "and runs once the slot is free");
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void runsAtMostItsThreadsAtOnce(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 2)) {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(4);
            for (int i = 0; i < 4; i++) {
                assertTrue(pool.submit(new WorkLane(), () -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    hold(started, release).run();
                    now.decrementAndGet();
                    done.countDown();
                }, SHORT));
            }
            assertFalse(started.await(500, TimeUnit.MILLISECONDS), kind.label() + ": all four ran at once");
            assertEquals(2, 4 - started.getCount(), kind.label() + ": two run while two wait");
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(2, most.get(), kind.label() + ": at most two at once");
            assertTrue(pool.peakThreads() <= 2 || kind == WorkerPoolKind.WORK_STEALING,
                    kind.label() + ": " + pool.peakThreads() + " threads");
        }
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void aStopEndsTheWorkRunning(WorkerPoolKind kind) throws InterruptedException {
        FairWorkPool pool = pool(kind, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        assertTrue(pool.submit(new WorkLane(), () -> {
            started.countDown();
            RequestWork.sleepMicros(RequestWork.MAX_WAIT_MICROS);
            ended.countDown();
        }, RequestWork.MAX_WAIT_MICROS));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        pool.close();
        assertTrue(ended.await(5, TimeUnit.SECONDS), kind.label() + ": a 10 s BLOCK still ran after the stop");
        assertFalse(pool.submit(new WorkLane(), () -> { }, SHORT), "a closed pool takes nothing");
    }

    @ParameterizedTest
    @EnumSource(WorkerPoolKind.class)
    void runsTasksOnTheThreadsOfItsKind(WorkerPoolKind kind) throws InterruptedException {
        try (FairWorkPool pool = pool(kind, 1)) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), () -> { ranOn.set(Thread.currentThread()); ran.countDown(); },
                    SHORT));
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            Thread t = ranOn.get();
            assertTrue(t.getName().startsWith("fair-test-"), t.getName());
            switch (kind) {
                case FIXED, ELASTIC -> assertFalse(t.isVirtual() || t instanceof ForkJoinWorkerThread, t.toString());
                case WORK_STEALING -> assertTrue(t instanceof ForkJoinWorkerThread, t.toString());
                case VIRTUAL -> assertTrue(t.isVirtual(), t.toString());
            }
        }
    }

    @Test
    void anElasticPoolGrowsWhileWorkWaitsAndShrinksAfterTheKeepAlive() throws InterruptedException {
        try (FairWorkPool pool = FairWorkPool.create(new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 3,
                KEEP_ALIVE), 1, 1000, "elastic-test")) {
            assertEquals(1, pool.threads(), "starts with its core");
            CountDownLatch started = new CountDownLatch(3);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 3; i++) {
                assertTrue(pool.submit(new WorkLane(), hold(started, release), SHORT));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS), "three tasks at once on a core of one: it grew");
            assertEquals(3, pool.threads());
            CountDownLatch fourth = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), fourth::countDown, SHORT));
            assertEquals(3, pool.threads(), "not past its maximum");
            assertEquals(1, fourth.getCount(), "the fourth waits for a thread");
            release.countDown();
            assertTrue(fourth.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.threads() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, pool.threads(), "back to its core once idle for the keep-alive");
            assertEquals(3, pool.peakThreads());
        }
    }

    @Test
    void anElasticPoolStartsAThreadPerTaskWaitingNotPerWakeUp() throws InterruptedException {
        try (FairWorkPool pool = FairWorkPool.create(new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 8,
                KEEP_ALIVE), 2, 1000, "elastic-test")) {
            CountDownLatch done = new CountDownLatch(3);
            // the pool's lock held, as a busy core holds the woken workers back: three tasks, two idle workers
            pool.lock.lock();
            try {
                for (int i = 0; i < 3; i++) {
                    assertTrue(pool.submit(new WorkLane(), done::countDown, SHORT));
                }
                assertEquals(3, pool.threads(), "one more for the third task");
            } finally {
                pool.lock.unlock();
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(3, pool.peakThreads(), "a woken worker that takes its task starts no other for the rest");
        }
    }

    @Test
    void anElasticPoolDoesNotGrowWhileAWorkerIsIdle() throws InterruptedException {
        try (FairWorkPool pool = FairWorkPool.create(new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 8,
                KEEP_ALIVE), 2, 1000, "elastic-test")) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), hold(started, release), SHORT));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            CountDownLatch second = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), second::countDown, SHORT));
            assertTrue(second.await(10, TimeUnit.SECONDS), "the idle core worker runs it");
            assertEquals(2, pool.peakThreads(), "no thread was started for it");
            release.countDown();
        }
    }

    @Test
    void boundsInlineWorkPerSocketRead() {
        WorkLane lane = new WorkLane();
        assertTrue(lane.admitsInline(10_000_000), "the first request of a read runs whatever it declares");
        assertFalse(lane.admitsInline(1));
        lane.socketRead();
        assertTrue(lane.admitsInline(600_000));
        assertFalse(lane.admitsInline(600_000));
    }
}
