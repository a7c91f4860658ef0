package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** UNCHANGED is an equivalence test: the small-sample interval must lie within the threshold. */
class EquivalenceTest {

    private static MetricComparison judge(double[] base, double[] cur) {
        return BaselineComparator.withDefaults().compare(List.of(
                new MetricSamples("cell", "p50 (us)", Direction.LOWER_IS_BETTER, base, cur))).metrics().get(0);
    }

    @Test
    void fourValuesWithThreePercentNoiseAreNotShownUnchanged() {
        double[] base = {100, 103, 97, 101};
        double[] cur = {99, 104, 96, 102};
        MetricComparison m = judge(base, cur);
        assertTrue(m.ciLow() >= 0.95 && m.ciHigh() <= 1.05, "the 95% interval alone would have said UNCHANGED: " + m);
        assertEquals(Verdict.INCONCLUSIVE, m.verdict(), m.reason());
        assertTrue(m.reason().contains("not shown unchanged"), m.reason());
    }

    @Test
    void tenValuesOfTheSameNoiseAreShownUnchanged() {
        double[] base = {100, 103, 97, 101, 99, 102, 98, 100, 101, 99};
        double[] cur = {99, 104, 96, 102, 100, 101, 98, 99, 100, 101};
        MetricComparison m = judge(base, cur);
        assertEquals(Verdict.UNCHANGED, m.verdict(), m.reason());
    }

    @Test
    void theExpandedTailShrinksTowardsTheNominalOneAsValuesGrow() {
        assertTrue(BootstrapRatio.expandedTail(3, 0.95) < 1e-4);
        assertEquals(0.0057, BootstrapRatio.expandedTail(8, 0.95), 0.001);
        assertTrue(BootstrapRatio.expandedTail(1000, 0.95) > 0.024);
    }

    @Test
    void anInconclusiveMetricSaysWhatRegressionItsDataCouldHaveShown() {
        double[] base = {100, 120, 90, 110, 105, 95, 115, 85, 100, 108};
        double[] cur = {104, 125, 92, 113, 109, 98, 119, 88, 103, 112};
        MetricComparison m = judge(base, cur);
        assertEquals(Verdict.INCONCLUSIVE, m.verdict(), m.reason());
        assertTrue(m.detectableChange() > 0.05 && Double.isFinite(m.detectableChange()), m.toString());
        assertTrue(m.reason().contains("these data could have shown a regression of about"), m.reason());
    }
}
