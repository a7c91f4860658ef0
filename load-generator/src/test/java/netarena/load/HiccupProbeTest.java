package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.Test;

/** The probe's correction, by arithmetic: a stall of known length yields the wake-ups it swallowed. */
class HiccupProbeTest {

    @Test
    void aStallOfThirtyMillisecondsCountsAsThirtyLateWakeUps() {
        SingleWriterRecorder recorder = LatencyRecorder.newRecorder();
        for (int i = 0; i < 970; i++) {
            HiccupProbe.record(recorder, 20_000); // 20 us late: on time, for a 1 ms sleep
        }
        HiccupProbe.record(recorder, 30_000_000); // one wake-up 30 ms late
        Histogram h = recorder.getIntervalHistogram();
        assertEquals(970 + 30, h.getTotalCount(), "the stall and the 29 wake-ups it swallowed: one a millisecond");
        assertEquals(30, h.getCountBetweenValues(1_000, 30_000), "30, 29, ... 1 ms");
        assertEquals(1, h.getCountBetweenValues(29_990, 30_020));
        assertEquals(1, h.getCountBetweenValues(995, 1_005), "the last one swallowed, 1 ms late");
        assertEquals(30 / 1000.0, (double) h.getCountBetweenValues(1_000, Long.MAX_VALUE / 2) / h.getTotalCount(),
                1e-9, "stalled 3% of the time: 30 ms of about a second");
    }

    @Test
    void aWakeUpLateByLessThanTheSleepAddsNoSample() {
        SingleWriterRecorder recorder = LatencyRecorder.newRecorder();
        HiccupProbe.record(recorder, 900_000);
        HiccupProbe.record(recorder, -5);
        Histogram h = recorder.getIntervalHistogram();
        assertEquals(2, h.getTotalCount());
        assertEquals(900, h.getMaxValue(), 1);
        assertEquals(0, h.getMinValue());
    }
}
