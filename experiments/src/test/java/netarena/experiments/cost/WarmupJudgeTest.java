package netarena.experiments.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warmup rule by arithmetic: injected compiler readings, no clock. */
class WarmupJudgeTest {

    private static final long MS = 1_000_000L;
    private static final WarmupRule RULE = new WarmupRule(1_000, Duration.ofMillis(500), 0.02, Duration.ofSeconds(5));

    private long serverJit;
    private long generatorJit;
    private final WarmupJudge judge = new WarmupJudge(RULE, () -> serverJit, () -> generatorJit);

    @Test
    void waitsForQuietCompilersInBothJvmsAndEnoughAnswers() {
        assertFalse(judge.mayEnd(0, 0));
        serverJit += 200 * MS; // the server compiles for 200 ms of the first 500 ms
        assertFalse(judge.mayEnd(5_000, 500 * MS));
        serverJit += 5 * MS; // 1% of the next interval: quiet
        generatorJit += 30 * MS; // 6%: the generator still compiles
        assertFalse(judge.mayEnd(10_000, 1_000 * MS));
        serverJit += 1 * MS;
        generatorJit += 2 * MS;
        assertTrue(judge.mayEnd(15_000, 1_500 * MS));
        WarmupTaken taken = judge.taken(1_500 * MS);
        assertEquals(1.5, taken.seconds(), 1e-9);
        assertEquals(15_000, taken.requests());
        assertTrue(taken.settled());
        assertEquals(0.002, taken.serverJitShare(), 1e-9);
        assertEquals(0.004, taken.generatorJitShare(), 1e-9);
    }

    @Test
    void quietCompilersAreNotEnoughWithoutTheMinimumOfRequests() {
        judge.mayEnd(0, 0);
        assertFalse(judge.mayEnd(999, 500 * MS));
        assertTrue(judge.mayEnd(1_000, 1_000 * MS));
    }

    @Test
    void judgesOncePerIntervalNotAtEveryPoll() {
        judge.mayEnd(0, 0);
        serverJit += 100 * MS;
        assertFalse(judge.mayEnd(5_000, 100 * MS), "a tenth of an interval is not judged");
        assertFalse(judge.mayEnd(5_000, 500 * MS), "the compile burst is in this interval");
        assertTrue(judge.mayEnd(5_000, 1_000 * MS));
    }

    @Test
    void anUnknownReadingIsNeverQuiet() {
        serverJit = -1;
        judge.mayEnd(0, 0);
        assertFalse(judge.mayEnd(5_000, 500 * MS));
        assertFalse(judge.taken(500 * MS).settled());
    }

    @Test
    void aRunWithoutWarmupSaysSo() {
        assertEquals(WarmupTaken.NONE, judge.taken(0));
    }
}
