package netarena.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class FairWorkPoolTest {

    private static final long SHORT = 0;
    private static final long LONG = FairWorkPool.LONG_WORK_MICROS;

    private static FairWorkPool pool(int threads) {
        return new FairWorkPool(threads, 1000, NamedThreads.platform("fair-test"));
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

    @Test
    void servesConnectionsInTurnNotInArrivalOrder() throws InterruptedException {
        try (FairWorkPool pool = pool(1)) {
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
            all.await(10, TimeUnit.SECONDS);
            assertTrue(ran.indexOf("b0") <= 1, "b's one request waited behind a's queue: " + ran);
        }
    }

    @Test
    void refusesAConnectionPastItsDeclaredWorkAndServesTheOthers() throws InterruptedException {
        try (FairWorkPool pool = pool(2)) {
            CountDownLatch hold = new CountDownLatch(1);
            WorkLane hog = new WorkLane();
            assertTrue(pool.submit(hog, await(hold), 10_000_000), "a connection's first request is always taken");
            assertFalse(pool.submit(hog, () -> { }, 10_000_000), "the second would pass the declared bound");
            CountDownLatch served = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), served::countDown, SHORT));
            assertTrue(served.await(10, TimeUnit.SECONDS), "another connection is served meanwhile");
            hold.countDown();
        }
    }

    @Test
    void refusesAConnectionPastItsTaskCount() {
        try (FairWorkPool pool = pool(1)) {
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

    @Test
    void keepsWorkersForShortWorkWhileLongWorkHoldsItsSlots() throws InterruptedException {
        try (FairWorkPool pool = pool(2)) {
            assertEquals(1, pool.maxLongRunning());
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch secondLongRan = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), await(hold), LONG));
            assertTrue(pool.submit(new WorkLane(), secondLongRan::countDown, LONG));
            CountDownLatch shortRan = new CountDownLatch(1);
            assertTrue(pool.submit(new WorkLane(), shortRan::countDown, SHORT));
            assertTrue(shortRan.await(10, TimeUnit.SECONDS), "the free worker runs short work");
            assertEquals(1, secondLongRan.getCount(), "long work waits for the one long slot");
            hold.countDown();
            assertTrue(secondLongRan.await(10, TimeUnit.SECONDS), "and runs once the slot is free");
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
