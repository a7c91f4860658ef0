package netarena.results.stats;

import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval for median(current) / median(baseline). Pure: the same
 * seed gives the same interval.
 *
 * <p>Each resample draws baseline and current independently, with replacement, each at its own
 * size (a two-sample, stratified bootstrap), and takes the ratio of the two medians.
 *
 * <p>Implementation notes: medians rather than means because one repetition in five that met a
 * noisy neighbour or a GC storm should not move the verdict. Percentile rather than BCa because
 * with 3-10 values the jackknife behind BCa's acceleration sees at most a few distinct medians and
 * its correction is itself noise. With so few values the percentile interval is somewhat narrow;
 * the verdict also asks the exact rank test to agree, which keeps false alarms in check.
 */
public final class BootstrapRatio {

    private BootstrapRatio() {
    }

    /**
     * The ratio of medians and its {@code confidence} interval from {@code resamples} resamples.
     *
     * @param baseline   at least one value
     * @param current    at least one value
     * @param confidence nominal coverage in (0, 1), e.g. 0.95
     * @param resamples  how many bootstrap resamples, e.g. 10,000
     * @param seed       the random seed; equal seeds give equal intervals
     */
    public static RatioInterval ofMedians(double[] baseline, double[] current, double confidence,
                                          int resamples, long seed) {
        return of(RatioEstimator.MEDIAN, baseline, current, confidence, resamples, seed);
    }

    /** As {@link #ofMedians}, for the ratio of {@code estimator} (median or mean) of each side. */
    public static RatioInterval of(RatioEstimator estimator, double[] baseline, double[] current, double confidence,
                                   int resamples, long seed) {
        if (baseline.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("bootstrap needs at least one value per side, got "
                    + baseline.length + " and " + current.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] scratchBase = new double[baseline.length];
        double[] scratchCurrent = new double[current.length];
        for (int b = 0; b < resamples; b++) {
            double base = resampled(estimator, baseline, scratchBase, random);
            double cur = resampled(estimator, current, scratchCurrent, random);
            ratios[b] = SampleMath.ratio(cur, base);
        }
        java.util.Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        double point = SampleMath.ratio(estimator.of(current), estimator.of(baseline));
        return new RatioInterval(point, SampleMath.quantileOfSorted(ratios, tail),
                SampleMath.quantileOfSorted(ratios, 1 - tail), confidence);
    }

    private static double resampled(RatioEstimator estimator, double[] values, double[] scratch,
                                    SplittableRandom random) {
        int n = values.length;
        for (int i = 0; i < n; i++) {
            scratch[i] = values[random.nextInt(n)];
        }
        SampleMath.sortPrefix(scratch, n);
        return estimator.ofSorted(scratch, n);
    }
}
