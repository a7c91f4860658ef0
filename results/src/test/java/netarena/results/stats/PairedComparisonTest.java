package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paired samples with a known shift, under a drift that swamps the unpaired comparison. */
class PairedComparisonTest {

    /** The machine's speed over 8 rounds: moves by up to 60%, the same for both members of a pair. */
    private static final double[] DRIFT = {100, 130, 90, 150, 110, 95, 140, 120};
    /** Within-pair jitter of at most 0.5%. */
    private static final double[] JITTER = {0.003, -0.002, 0.005, -0.004, 0.001, -0.005, 0.002, 0.0};

    private static MetricSamples shifted(double change, boolean paired) {
        double[] base = new double[DRIFT.length];
        double[] cur = new double[DRIFT.length];
        for (int i = 0; i < DRIFT.length; i++) {
            base[i] = DRIFT[i];
            cur[i] = DRIFT[i] * (1 + change) * (1 + JITTER[i]);
        }
        return new MetricSamples("cell", "cpu per request (us)", Direction.LOWER_IS_BETTER, base, cur, paired);
    }

    private static MetricComparison judge(MetricSamples s) {
        return BaselineComparator.withDefaults().compare(List.of(s)).metrics().get(0);
    }

    @Test
    void aTenPercentShiftUnderDriftIsFoundByThePairsAndMissedUnpaired() {
        MetricComparison paired = judge(shifted(0.10, true));
        assertEquals(Verdict.REGRESSED, paired.verdict(), paired.reason());
        assertEquals(1.10, paired.ratio(), 0.01);
        assertTrue(paired.ciLow() > 1.08 && paired.ciHigh() < 1.12, paired.toString());
        assertEquals(2.0 / 256, paired.pValue(), 1e-12, "all 8 pairs went up: the exact floor");
        assertTrue(paired.paired());

        MetricComparison unpaired = judge(shifted(0.10, false));
        assertEquals(Verdict.INCONCLUSIVE, unpaired.verdict(), unpaired.reason());
    }

    @Test
    void noShiftUnderDriftIsUnchangedWhenPaired() {
        MetricComparison paired = judge(shifted(0, true));
        assertEquals(Verdict.UNCHANGED, paired.verdict(), paired.reason());
        assertEquals(1.0, paired.ratio(), 0.005);
    }

    @Test
    void aShiftTheFloorCannotConfirmIsInconclusiveAndSaysNoChangeCouldBeShown() {
        double[] base = {100, 130, 90, 150};
        double[] cur = {120, 156, 108, 180};
        MetricComparison m = judge(new MetricSamples("cell", "p50 (us)", Direction.LOWER_IS_BETTER, base, cur, true));
        assertEquals(Verdict.INCONCLUSIVE, m.verdict(), m.reason());
        assertTrue(Double.isInfinite(m.detectableChange()), m.reason());
        assertTrue(m.reason().contains("with 4 paired values the smallest raw p is 0.125"),
                m.reason());
    }
}
