package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scaling answer over a known USL, and the SLO text. The SLO search and the pool sizing, which drive
 * probes, are tested beside their drivers in the experiments module. No sockets, no clocks.
 */
class CapacityAnswerTest {

    @Test
    void anSloIsMetOnlyWhenARatePassedAndItsRepeatsDidNotAllFail() {
        Slo slo = new Slo(0.99, 5_000, 0.001);
        SearchResult nothing = new SearchResult(Double.NaN, 1_000, Double.NaN, SearchResult.Stop.NOTHING_PASSED,
                "p99 above 5 ms at every rate", List.of());
        SearchResult found = new SearchResult(8_000, 9_000, Double.NaN, SearchResult.Stop.CONVERGED, "", List.of());
        CapacityAnswer.Confirmation failedThere = new CapacityAnswer.Confirmation(8_000, 0, 3, 0, 6_000, 7_000);
        CapacityAnswer.Confirmation passedThere = new CapacityAnswer.Confirmation(8_000, 2, 3, 0, 4_000, 6_000);
        CapacityAnswer.Confirmation failedAbove = new CapacityAnswer.Confirmation(9_000, 0, 3, 0, 6_000, 7_000);
        assertFalse(new CapacityAnswer.SloAnswer(slo, "p99<=5ms", nothing, List.of()).met());
        assertTrue(new CapacityAnswer.SloAnswer(slo, "p99<=5ms", found, List.of()).met());
        assertTrue(new CapacityAnswer.SloAnswer(slo, "p99<=5ms", found, List.of(passedThere, failedAbove)).met());
        assertFalse(new CapacityAnswer.SloAnswer(slo, "p99<=5ms", found, List.of(failedThere, failedAbove)).met(),
                "a rate that passed once in the search and in none of its repeats does not meet the SLO");
    }

    @Test
    void scalingFitsTheUslToValidPointsAndChecksLittlesLaw() {
        UslModel truth = new UslModel(0.05, 0.0008, 20_000);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            double x = truth.throughputAt(n);
            double meanMicros = n / x * 1e6;
            points.add(new CapacityAnswer.ClosedLoopPoint(n, x, n == 64 ? meanMicros * 0.6 : meanMicros, meanMicros * 3,
                    true, ""));
        }
        // generator-bound: it answered, but its latency is half what N/X says; left out of the fit, yet checked
        double x96 = truth.throughputAt(96);
        points.add(new CapacityAnswer.ClosedLoopPoint(96, x96, 96 / x96 * 1e6 * 0.5, Double.NaN, false,
                "generator send lag p99 25 ms"));
        points.add(new CapacityAnswer.ClosedLoopPoint(128, 0, Double.NaN, Double.NaN, false, "errors: 12 timeouts"));
        CapacityAnswer.ScalingAnswer s = CapacityAnswer.ScalingAnswer.of(points);
        assertNotNull(s.fit(), s.problem());
        assertEquals(0.05, s.fit().model().sigma(), 1e-3);
        assertEquals(0.0008, s.fit().model().kappa(), 1e-5);
        assertEquals(7, s.fit().points(), "the invalid points are left out of the fit");
        assertEquals(8, s.little().size(), "every point that answered is checked, the invalid one too");
        assertTrue(s.little().get(6).violated(), "n=64 reports 40% less response time than N/X");
        assertTrue(s.little().get(7).violated(), "n=96, generator-bound, breaks the law");
        assertEquals(2, s.little().stream().filter(LittleFinding::violated).count());
    }

    @Test
    void scalingWithTooFewPointsSaysWhy() {
        CapacityAnswer.ScalingAnswer s = CapacityAnswer.ScalingAnswer.of(List.of(
                new CapacityAnswer.ClosedLoopPoint(1, 100, 10_000, 20_000, true, ""),
                new CapacityAnswer.ClosedLoopPoint(2, 190, 10_500, 20_000, true, "")));
        assertNull(s.fit());
        assertTrue(s.problem().contains("3 or more distinct"), s.problem());
    }

    @Test
    void sloTextReadsCommonForms() {
        assertEquals(new Slo(0.99, 5_000, 0), SloText.parse("p99<=5ms", 0));
        assertEquals(new Slo(0.999, 800, 0.01), SloText.parse("P99.9 <= 800us", 0.01));
        assertEquals(new Slo(0.5, 2_000_000, 0), SloText.parse("p50<2s", 0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SloText.parse("99th under 5", 0));
        assertTrue(e.getMessage().contains("p99<=5ms"), e.getMessage());
    }
}
