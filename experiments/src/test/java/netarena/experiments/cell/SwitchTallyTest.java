package netarena.experiments.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The switches of threads that exit still count: a thread-per-client server's threads end with the run. */
class SwitchTallyTest {

    @Test
    void aThreadThatExitsKeepsItsLastCount() {
        SwitchTally tally = new SwitchTally();
        assertEquals(110, tally.update(Map.of(1L, 100L, 2L, 10L)));
        // connection threads 3 and 4 come and do their work
        assertEquals(1_115, tally.update(Map.of(1L, 102L, 2L, 13L, 3L, 500L, 4L, 500L)));
        // the generator closes its connections: 3 and 4 exit after one more reading
        assertEquals(1_420, tally.update(Map.of(1L, 104L, 2L, 16L, 3L, 650L, 4L, 650L)));
        assertEquals(1_426, tally.update(Map.of(1L, 106L, 2L, 20L)));
        assertEquals(1_426, tally.total());
    }

    @Test
    void aReusedThreadIdCountsAsANewThread() {
        SwitchTally tally = new SwitchTally();
        tally.update(Map.of(1L, 100L, 7L, 400L));
        // thread 7 exited and a new thread got id 7 between two readings: its count starts again
        assertEquals(100 + 400 + 5 + 3, tally.update(Map.of(1L, 105L, 7L, 3L)));
    }

    @Test
    void theLiveProcessCountsAtLeastItsLiveThreads() {
        Map<Long, Long> live = ProcStats.threadSwitches(ProcessHandle.current().pid());
        if (live == null) {
            return; // not Linux: nothing to read
        }
        long sum = live.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(sum, new SwitchTally().update(live));
        assertTrue(live.size() > 1, "a JVM has more than one thread: " + live);
    }
}
