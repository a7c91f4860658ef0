package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.results.stats.Direction;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;
import org.junit.jupiter.api.Test;

class RatioChartTest {

    private static final Pattern DOT = Pattern.compile("<circle cx=\"([0-9.]+)\"");
    private static final Pattern ZERO = Pattern.compile("<line x1=\"([0-9.]+)\"[^>]*stroke=\"#555\"");

    private static MetricComparison metric(double ratio, double low, double high, Verdict v) {
        return new MetricComparison("cell", "p99", Direction.LOWER_IS_BETTER, 8, 8, 100, 100 * ratio, ratio, low, high,
                0.01, 0.02, v, "why", false, Double.NaN);
    }

    private static List<Double> dots(String svg) {
        Matcher m = DOT.matcher(svg);
        List<Double> xs = new java.util.ArrayList<>();
        while (m.find()) {
            xs.add(Double.parseDouble(m.group(1)));
        }
        return xs;
    }

    @Test
    void putsAGrowthRightOfNoChangeAndAShrinkLeftAtTheSameDistanceOnTheLogAxis() {
        String svg = RatioChart.svg(List.of(metric(2, 1.9, 2.1, Verdict.REGRESSED), metric(0.5, 0.45, 0.55,
                Verdict.IMPROVED), metric(1, 0.99, 1.01, Verdict.UNCHANGED)), List.of("a", "b", "c"), 0.05, "r");
        List<Double> xs = dots(svg);
        Matcher zero = ZERO.matcher(svg);
        assertTrue(zero.find(), "the no-change line is drawn");
        double one = Double.parseDouble(zero.group(1));
        assertEquals(3, xs.size());
        assertEquals(one, xs.get(2), 0.1, "ratio 1 sits on the no-change line");
        assertTrue(xs.get(0) > one && xs.get(1) < one);
        assertEquals(xs.get(0) - one, one - xs.get(1), 0.2, "x2 and /2 are as far from no change");
    }

    @Test
    void colorsByVerdictAndKeepsAWideIntervalInsideThePlot() {
        String svg = RatioChart.svg(List.of(metric(20, 10, 40, Verdict.REGRESSED), metric(1.2, 0.7, 1.6,
                Verdict.INCONCLUSIVE)), List.of("a", "b"), 0.05, "r");
        assertTrue(svg.contains("fill=\"#c62828\"") && svg.contains("fill=\"#d08700\""), svg);
        for (double x : dots(svg)) {
            assertTrue(x <= RatioChart.WIDTH, "a x20 ratio is drawn at the edge, not past it: " + x);
        }
    }

    @Test
    void writesChangesAsSignedPercentages() {
        assertEquals("0%", RatioChart.change(1.0));
        assertEquals("+25%", RatioChart.change(1.25));
        assertEquals("-4.0%", RatioChart.change(0.96));
        assertEquals("n/a", RatioChart.change(Double.NaN));
    }
}
