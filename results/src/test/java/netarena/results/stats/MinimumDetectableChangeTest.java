package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinimumDetectableChangeTest {

    private static final double LOG_SD = Synthetic.logSdForCv(0.03);
    private static final ComparisonConfig FAST = ComparisonConfig.defaults().withResamples(2_000);

    @Test
    void noiseFromAnAaRunRecoversTheLogStandardDeviation() {
        SplittableRandom random = new SplittableRandom(4);
        // the two A runs differ by 10%: a shift between runs is not repetition noise
        NoiseEstimate noise = NoiseEstimate.fromAa("c", "p99Micros",
                Synthetic.lognormal(random, 500, 100, LOG_SD), Synthetic.lognormal(random, 500, 110, LOG_SD));
        assertEquals(LOG_SD, noise.logSd(), LOG_SD * 0.07);
        assertEquals(998, noise.degreesOfFreedom());
        assertEquals(0.03, new NoiseEstimate("c", "m", LOG_SD, 8).coefficientOfVariation(), 1e-12);
    }

    @Test
    void theEstimateIsWhatTheComparisonActuallyDetectsInEightyPercentOfRuns() {
        DetectableChange mdc = MinimumDetectableChange.estimate(LOG_SD, 5, 1, 0.8, 400, FAST);
        // measured: 0.124 for 3% noise and 5 repetitions a side
        assertTrue(mdc.relativeChange() > 0.10 && mdc.relativeChange() < 0.16, "mdc " + mdc);
        // Check against the full comparison on fresh draws (other seeds, other bootstrap indices);
        // measured: detected in 163 of 200 (81.5%) at the estimate, 50 of 200 (25%) at 70% of it.
        double atMdc = detectionRate(5, 1 + mdc.relativeChange());
        double wellBelow = detectionRate(5, 1 + 0.7 * mdc.relativeChange());
        assertTrue(atMdc >= 0.7 && atMdc <= 0.9, "detected at the estimate in " + atMdc);
        assertTrue(wellBelow < 0.5, "detected at 70% of the estimate in " + wellBelow);
    }

    @Test
    void moreRepetitionsDetectSmallerChanges() {
        double five = MinimumDetectableChange.estimate(LOG_SD, 5, 1, 0.8, 200, FAST).relativeChange();
        double ten = MinimumDetectableChange.estimate(LOG_SD, 10, 1, 0.8, 200, FAST).relativeChange();
        // measured: 0.124 and 0.099; never below the 5% threshold itself
        assertTrue(ten < five, ten + " vs " + five);
        assertTrue(ten > 0.05);
    }

    @Test
    void tooFewRepetitionsForTheFamilyAreNeverDetectedAndSayWhy() {
        DetectableChange threeReps = MinimumDetectableChange.estimate(LOG_SD, 3, 1, 0.8, 100, FAST);
        assertFalse(threeReps.detectable());
        assertTrue(threeReps.note().contains("smallest p is 0.1"), threeReps.note());
        // 5 a side reach p = 0.0079 at best; Holm over 10 metrics multiplies that to 0.079
        assertFalse(MinimumDetectableChange.estimate(LOG_SD, 5, 10, 0.8, 100, FAST).detectable());
        assertTrue(MinimumDetectableChange.estimate(LOG_SD, 5, 10, 0.8, 100, FAST.withCorrection(Correction.NONE)).detectable());
    }

    @Test
    void minimumRepetitionsGrowWithTheNumberOfMetrics() {
        assertEquals(4, MinimumDetectableChange.minimumRepetitionsPerSide(1, 0.05));
        assertEquals(6, MinimumDetectableChange.minimumRepetitionsPerSide(10, 0.05));
        assertEquals(8, MinimumDetectableChange.minimumRepetitionsPerSide(100, 0.05));
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> NoiseEstimate.fromAa("c", "m", new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> NoiseEstimate.fromAa("c", "m", new double[] {0, 1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> MinimumDetectableChange.estimate(LOG_SD, 1, 1, 0.8, 100, FAST));
        assertThrows(IllegalArgumentException.class, () -> MinimumDetectableChange.estimate(LOG_SD, 5, 0, 0.8, 100, FAST));
    }

    private static double detectionRate(int reps, double factor) {
        BaselineComparator comparator = new BaselineComparator(FAST.withSeed(99));
        SplittableRandom random = new SplittableRandom(123);
        int hits = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            MetricSamples samples = new MetricSamples("c", "m" + t, Direction.LOWER_IS_BETTER,
                    Synthetic.lognormal(random, reps, 100, LOG_SD), Synthetic.lognormal(random, reps, 100 * factor, LOG_SD));
            hits += comparator.compare(List.of(samples)).metrics().get(0).verdict() == Verdict.REGRESSED ? 1 : 0;
        }
        return hits / (double) trials;
    }
}
