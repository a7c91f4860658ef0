package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stop line round-trips the counters the pool sizing reads, and a broken line is refused. */
class StatsLineTest {

    private static ServerStats.Snapshot snapshot(long held, long heldNanos, Map<String, Long> byOpStatus) {
        return snapshot(held, heldNanos, 0, byOpStatus);
    }

    private static ServerStats.Snapshot snapshot(long held, long heldNanos, int peakThreads,
            Map<String, Long> byOpStatus) {
        long answered = byOpStatus.values().stream().mapToLong(Long::longValue).sum();
        return new ServerStats.Snapshot(1, 0, 0, 1, 0, 0, 0, answered, 0, 0, 0, 0, 0, 0, held, heldNanos, 1,
                peakThreads, byOpStatus, ServiceTimeHistogram.Snapshot.EMPTY);
    }

    @Test
    void readsBackTheLastLineOfALog() {
        String log = "INFO starting\n" + "12:00 INFO " + StatsLine.format(snapshot(3, 3_000_000, Map.of("block/OK", 3L)))
                + "\nINFO restarted\n" + StatsLine.format(snapshot(4, 6_000_000, Map.of("block/OK", 6L, "echo/OK", 1L)))
                + "\nINFO bye\n";
        StatsLine.ServerCounters c = StatsLine.lastIn(log).orElseThrow();
        assertEquals(7, c.received());
        assertEquals(7, c.answered());
        assertEquals(4, c.threadHeldRequests());
        assertEquals(Map.of("block/OK", 6L, "echo/OK", 1L), c.answeredByOpStatus());
        assertEquals(1_500, c.meanServiceMicros(), 1e-9, "6 ms over 4 requests");
    }

    @Test
    void theOpsMeanLeavesOutTheVerifyGatesShortRequests() {
        // 20 echoes of 5 us each from a verify gate, then 1,000 BLOCKs of 1 ms: 1,020 requests held a thread.
        long nanos = 20 * 5_000L + 1_000 * 1_000_000L;
        StatsLine.ServerCounters c = StatsLine.lastIn(StatsLine.format(snapshot(1_020, nanos,
                Map.of("echo/OK", 20L, "block/OK", 1_000L, "block/REJECTED", 7L)))).orElseThrow();
        assertEquals(1_000.1, c.meanServiceMicros("block"), 1e-9, "all the held time over the 1,000 BLOCKs");
        assertEquals(980.5, c.meanServiceMicros(), 0.1, "every request held counts the echoes as requests");
        assertTrue(Double.isNaN(c.meanServiceMicros("delay")), "no DELAY answered");
        StatsLine.ServerCounters timer = StatsLine.lastIn(StatsLine.format(snapshot(20, 100_000,
                Map.of("echo/OK", 20L, "delay/OK", 1_000L)))).orElseThrow();
        assertTrue(Double.isNaN(timer.meanServiceMicros("delay")), "DELAYs on the timer held no thread");
    }

    @Test
    void readsTheWorkerPoolsPeakThreadsAndMinusOneFromALineWithout() {
        assertEquals(7, StatsLine.lastIn(StatsLine.format(snapshot(1, 1, 7, Map.of("echo/OK", 1L)))).orElseThrow()
                .workerThreadsPeak());
        assertEquals(-1, StatsLine.lastIn(StatsLine.PREFIX + " v=1 received=3 answered=3 thread-held-requests=3 "
                + "thread-held-nanos=3 echo/OK=3").orElseThrow().workerThreadsPeak());
    }

    @Test
    void noLineIsEmptyAndABrokenLineIsRefused() {
        assertTrue(StatsLine.lastIn("INFO no stats here\n").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> StatsLine.lastIn(StatsLine.PREFIX + " v=1 received=3"));
        assertThrows(IllegalArgumentException.class, () -> StatsLine.lastIn(StatsLine.PREFIX + " v=9 received=3 "
                + "answered=3 thread-held-requests=3 thread-held-nanos=3"));
        assertThrows(IllegalArgumentException.class, () -> StatsLine.lastIn(StatsLine.PREFIX + " v=1 received"));
    }
}
