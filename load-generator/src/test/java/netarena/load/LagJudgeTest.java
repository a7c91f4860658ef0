package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.Test;

/** The validity rules by arithmetic: lag and hiccup distributions in, a verdict and its reason out. */
class LagJudgeTest {

    private static final long MAX_LAG_MICROS = 10_000;

    /** 1,000 samples: 980 at {@code low}, 20 at {@code high} microseconds, so the p99 is {@code high}. */
    private static Histogram tail(long low, long high) {
        Histogram h = LatencyRecorder.newHistogram();
        h.recordValueWithCount(low, 980);
        h.recordValueWithCount(high, 20);
        return h;
    }

    private static Histogram flat(long micros, long count) {
        Histogram h = LatencyRecorder.newHistogram();
        h.recordValueWithCount(micros, count);
        return h;
    }

    /** Open loop at 1,000/s for 10 s; the latency p99 is 2 ms. */
    private static LagJudge.Evidence openLoop(Histogram sendLag, Histogram hiccups, long sent, double cpuSeconds,
            int threads, int cores) {
        return new LagJudge.Evidence(true, 1_000, MAX_LAG_MICROS, 0.10, threads, cores, tail(500, 2_000), sendLag,
                hiccups, 10, sent, cpuSeconds);
    }

    @Test
    void sendLagUnderATenthOfTheLatencyP99IsValid() {
        assertEquals(List.of(), LagJudge.judge(openLoop(flat(150, 10_000), flat(5, 10_000), 10_000, 1, 1, 2)));
    }

    @Test
    void sendLagOverATenthOfTheLatencyP99IsInvalidThoughFarUnderMaxLag() {
        // 300 us is 3% of --max-lag 10 ms, but 15% of the 2 ms p99 it sits inside
        List<String> reasons = LagJudge.judge(openLoop(tail(100, 300), flat(5, 10_000), 10_000, 1, 1, 2));
        assertEquals(1, reasons.size(), reasons.toString());
        String r = reasons.getFirst();
        assertTrue(r.startsWith("send lag: p99 0.300 ms is over 0.200 ms (10% of the latency p99 2.000 ms)"), r);
        assertTrue(r.contains("sent 100.0% of its schedule"), r);
        assertTrue(r.contains("more generator threads would not help"), r);
        assertFalse(r.contains("add generator threads"), "it sent all it should: " + r);
    }

    @Test
    void maxLagStaysTheCeilingWhenTheLatencyIsLong() {
        LagJudge.Evidence e = new LagJudge.Evidence(true, 1_000, MAX_LAG_MICROS, 0.10, 1, 2, tail(50_000, 500_000),
                tail(100, 12_000), flat(5, 10_000), 10, 10_000, 1);
        List<String> reasons = LagJudge.judge(e);
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.getFirst().contains("is over --max-lag 10.000 ms"), reasons.getFirst());
    }

    @Test
    void aStallOverOnePercentOfTheTimeIsInvalidAndNamedAsAStall() {
        // 10 s of probing, one 150 ms stall: 150 corrected samples of 10,000, 1.5% of the time
        SingleWriterRecorder probe = LatencyRecorder.newRecorder();
        for (int i = 0; i < 9_850; i++) {
            HiccupProbe.record(probe, 5_000);
        }
        HiccupProbe.record(probe, 150_000_000);
        Histogram hiccups = probe.getIntervalHistogram();
        List<String> reasons = LagJudge.judge(openLoop(tail(100, 40_000), hiccups, 10_000, 1, 1, 2));
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("the generator stalled: 1.5% of the measured time it was more than 0.200 ms"
                + " (10% of the latency p99 2.000 ms) late"), reasons.get(0));
        assertTrue(reasons.get(0).contains("longest 150."), reasons.get(0));
        assertTrue(reasons.get(1).contains("the stall above delayed them, and more generator threads would not help"),
                reasons.get(1));
    }

    @Test
    void aStallUnderOnePercentOfTheTimeLeavesTheRunValid() {
        SingleWriterRecorder probe = LatencyRecorder.newRecorder();
        for (int i = 0; i < 9_950; i++) {
            HiccupProbe.record(probe, 5_000);
        }
        HiccupProbe.record(probe, 50_000_000); // 50 corrected samples: 0.5% of the time
        assertEquals(List.of(), LagJudge.judge(openLoop(flat(100, 10_000), probe.getIntervalHistogram(), 10_000, 1, 1, 2)));
    }

    @Test
    void fallingBehindWithBusyLoopsAndFreeCoresAsksForThreads() {
        String r = LagJudge.judge(openLoop(tail(100, 5_000), flat(5, 10_000), 8_000, 9.5, 1, 2)).getFirst();
        assertTrue(r.contains("sent 80.0% of its schedule (800 of 1000 requests/s)"), r);
        assertTrue(r.contains("busy 95% of the time: too few threads for the rate; add generator threads"), r);
    }

    @Test
    void fallingBehindWithEveryCoreBusySaysTheCoresAreTooSlow() {
        String r = LagJudge.judge(openLoop(tail(100, 5_000), flat(5, 10_000), 8_000, 19, 2, 2)).getFirst();
        assertTrue(r.contains("with all 2 core(s) busy: the cores are too slow for the rate; lower the rate"), r);
        assertFalse(r.contains("add generator threads"), r);
    }

    @Test
    void fallingBehindWithIdleLoopsBlamesOtherProcesses() {
        String r = LagJudge.judge(openLoop(tail(100, 5_000), flat(5, 10_000), 8_000, 3, 1, 2)).getFirst();
        assertTrue(r.contains("busy only 30% of the time: other processes took the generator's CPU"), r);
    }

    @Test
    void aShareOfOneLeavesMaxLagAlone() {
        SingleWriterRecorder probe = LatencyRecorder.newRecorder();
        probe.recordValueWithCount(5, 9_000);
        HiccupProbe.record(probe, 9_000_000); // 9 ms: 9% of the time stalled past the 2 ms p99, under --max-lag
        LagJudge.Evidence e = new LagJudge.Evidence(true, 1_000, MAX_LAG_MICROS, 1, 1, 2, tail(500, 2_000),
                tail(100, 1_900), probe.getIntervalHistogram(), 10, 10_000, 1);
        assertEquals(10_000, e.boundMicros());
        assertEquals(List.of(), LagJudge.judge(e));
    }

    @Test
    void closedLoopIsJudgedOnStallsOnly() {
        LagJudge.Evidence e = new LagJudge.Evidence(false, 0, MAX_LAG_MICROS, 0.10, 1, 2, tail(500, 2_000),
                LatencyRecorder.newHistogram(), flat(5, 10_000), 10, 50_000, 1);
        assertEquals(List.of(), LagJudge.judge(e));
    }

    @Test
    void closedLoopStallsAreJudgedAgainstMaxLagNotAShareOfItsP99() {
        // a probe sharing the core with busy loops: half its samples 3 ms late, far over a tenth of the 2 ms p99
        Histogram busyCore = flat(5, 5_000);
        busyCore.recordValueWithCount(3_000, 5_000);
        assertEquals(List.of(), LagJudge.judge(closedLoop(busyCore)));
        // a real stall: 2% of the time more than --max-lag late
        Histogram stalled = flat(5, 9_800);
        stalled.recordValueWithCount(MAX_LAG_MICROS * 2, 200);
        List<String> reasons = LagJudge.judge(closedLoop(stalled));
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.getFirst().contains("more than --max-lag 10.000 ms late"), reasons.getFirst());
    }

    private static LagJudge.Evidence closedLoop(Histogram hiccups) {
        return new LagJudge.Evidence(false, 0, MAX_LAG_MICROS, 0.10, 1, 2, tail(500, 2_000),
                LatencyRecorder.newHistogram(), hiccups, 10, 50_000, 1);
    }
}
