package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.SearchStep;
import netarena.results.capacity.Slo;
import org.junit.jupiter.api.Test;

/**
 * The search against a simulated M/M/1 server with service rate MU: its response time is
 * exponential with rate MU - lambda, so the q-percentile is ln(1 / (1 - q)) / (MU - lambda) and the
 * highest rate meeting "p99 <= L" is exactly MU - ln(100) / L.
 */
class SloSearchTest {

    private static final double MU = 10_000;
    private static final Slo P99_UNDER_2MS = new Slo(0.99, 2_000, 0.001);
    private static final double TRUE_LIMIT = MU - Math.log(100) / 0.002;   // 7,697.4/s

    @Test
    void bracketsTheAnalyticLimitToTheResolution() {
        SearchConfig config = SearchConfig.defaults(500, 100_000).withRelativeResolution(0.01);
        SearchResult result = new SloSearch(P99_UNDER_2MS, config).run(SloSearchTest::mm1);
        assertEquals(SearchResult.Stop.CONVERGED, result.stop(), result.reason());
        assertTrue(result.highestPassingRatePerSecond() <= TRUE_LIMIT);
        assertTrue(result.lowestFailingRatePerSecond() > TRUE_LIMIT);
        assertTrue(result.highestPassingRatePerSecond() >= TRUE_LIMIT * 0.99, result.reason());
        // staircase 500, 1000, 2000, 4000, 8000 then bisection between 4000 and 8000
        List<Double> climbed = result.steps().stream().filter(s -> s.phase() == SearchStep.Phase.STAIRCASE)
                .map(SearchStep::ratePerSecond).toList();
        assertEquals(List.of(500.0, 1000.0, 2000.0, 4000.0, 8000.0), climbed);
        assertEquals(result.steps().size(), result.curve().size());
    }

    @Test
    void marksTheKneeWhereLatencyDoublesFromItsLowLoadValue() {
        // latency at the lowest rate r0 is ln(100)/(MU - r0); twice that where MU - r = (MU - r0)/2
        SearchConfig fine = SearchConfig.defaults(250, 100_000).withStaircase(Staircase.fixedSteps(250));
        SearchResult result = new SloSearch(P99_UNDER_2MS, fine).run(SloSearchTest::mm1);
        double trueKnee = MU - (MU - 250) / 2;                                  // 5,125/s, measured 5,122
        assertEquals(trueKnee, result.kneeRatePerSecond(), trueKnee * 0.02);
        SearchResult coarse = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000)).run(SloSearchTest::mm1);
        double trueCoarseKnee = MU - (MU - 500) / 2;                            // 5,250/s, measured 5,053
        assertEquals(trueCoarseKnee, coarse.kneeRatePerSecond(), trueCoarseKnee * 0.1);
    }

    @Test
    void errorsBeyondTheBudgetFailTheSlo() {
        RateProbe erroring = (rate, q) -> {
            ProbeResult r = mm1(rate, q);
            return rate > 6_000 ? ProbeResult.measured(r.latencyMicros(), 0.05) : r;
        };
        SearchResult result = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000)).run(erroring);
        assertTrue(result.highestPassingRatePerSecond() <= 6_000);
        assertTrue(result.highestPassingRatePerSecond() >= 6_000 * 0.98);
        assertTrue(result.steps().stream().anyMatch(s -> s.note().startsWith("errors")));
    }

    @Test
    void aGeneratorThatCannotKeepUpStopsTheSearchWithoutBlamingTheServer() {
        RateProbe weakGenerator = (rate, q) -> rate > 5_000
                ? ProbeResult.invalid("generator fell 12% behind its schedule") : mm1(rate, q);
        SearchResult result = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000)).run(weakGenerator);
        assertEquals(SearchResult.Stop.GENERATOR_INVALID, result.stop());
        assertEquals(4_000, result.highestPassingRatePerSecond());
        assertTrue(Double.isNaN(result.lowestFailingRatePerSecond()), "no server failure was seen");
        assertTrue(result.reason().contains("generator fell 12% behind"), result.reason());
        long invalid = result.steps().stream().filter(s -> s.outcome() == SearchStep.Outcome.INVALID).count();
        assertEquals(2, invalid, "one try and one retry at 8000/s");
        assertFalse(result.steps().stream().anyMatch(s -> s.outcome() == SearchStep.Outcome.FAIL));
    }

    @Test
    void aTransientlyInvalidGeneratorIsRetriedAndTheAnswerStands() {
        Set<Double> triedOnce = new HashSet<>();
        RateProbe flaky = (rate, q) -> rate >= 4_000 && triedOnce.add(rate)
                ? ProbeResult.invalid("connect storm") : mm1(rate, q);
        SearchResult result = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000)).run(flaky);
        assertEquals(SearchResult.Stop.CONVERGED, result.stop(), result.reason());
        assertTrue(result.highestPassingRatePerSecond() <= TRUE_LIMIT
                && result.highestPassingRatePerSecond() >= TRUE_LIMIT * 0.98);
        assertTrue(result.steps().stream().anyMatch(s -> s.outcome() == SearchStep.Outcome.INVALID));
    }

    @Test
    void aFailingStartRateIsHalvedUntilOnePasses() {
        SearchResult result = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(9_000, 100_000)).run(SloSearchTest::mm1);
        assertEquals(SearchResult.Stop.CONVERGED, result.stop());
        assertEquals(4_500, result.steps().get(1).ratePerSecond());
        assertTrue(result.highestPassingRatePerSecond() >= TRUE_LIMIT * 0.98);
    }

    @Test
    void reportsWhenNothingPassesOrTheMaximumPasses() {
        Slo impossible = new Slo(0.99, 100, 0.001);   // the service alone has p99 = 460 us
        SearchResult none = new SloSearch(impossible, SearchConfig.defaults(500, 100_000)).run(SloSearchTest::mm1);
        assertEquals(SearchResult.Stop.NOTHING_PASSED, none.stop());
        assertFalse(none.found());
        SearchResult capped = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 3_000)).run(SloSearchTest::mm1);
        assertEquals(SearchResult.Stop.PASSED_AT_MAX_RATE, capped.stop());
        assertEquals(3_000, capped.highestPassingRatePerSecond());
        SearchResult budget = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000).withMaxSteps(6))
                .run(SloSearchTest::mm1);
        assertEquals(SearchResult.Stop.STEP_LIMIT, budget.stop());
        assertEquals(6, budget.steps().size());
    }

    @Test
    void findsTheLimitThroughMeasurementNoise() {
        SplittableRandom random = new SplittableRandom(31);
        RateProbe noisy = (rate, q) -> {
            ProbeResult r = mm1(rate, q);
            return ProbeResult.measured(r.latencyMicros() * (1 + 0.03 * random.nextGaussian()), 0);
        };
        SearchResult result = new SloSearch(P99_UNDER_2MS, SearchConfig.defaults(500, 100_000)).run(noisy);
        // measured: holds at 7,625/s, fails at 7,750/s
        assertEquals(TRUE_LIMIT, result.highestPassingRatePerSecond(), TRUE_LIMIT * 0.05);
    }

    /** The M/M/1 server: the q-percentile of an Exp(MU - rate) response time, unbounded at MU. */
    private static ProbeResult mm1(double rate, double quantile) {
        if (rate >= MU) {
            return ProbeResult.measured(Double.POSITIVE_INFINITY, 0);
        }
        return ProbeResult.measured(-Math.log(1 - quantile) / (MU - rate) * 1e6, 0);
    }
}
