package netarena.results.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

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
 * its correction is itself noise. With so few values the percentile interval is too narrow (it
 * covers less than it claims); a change verdict also asks the exact rank test to agree, which keeps
 * false alarms in check, and an UNCHANGED verdict reads the <em>expanded</em> interval of
 * {@link #of(RatioEstimator, double[], double[], double, int, long, boolean)} instead.
 *
 * <p>Paired samples ({@code baseline[i]} measured next to {@code current[i]}) resample pairs, not
 * sides: the ratio is the estimator (median or mean) of the per-pair ratios, so drift that moves both
 * members of a pair alike cancels out.
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
        return of(estimator, baseline, current, confidence, resamples, seed, false).decision();
    }

    /**
     * The interval at {@code confidence} and, from the same resamples, the expanded percentile interval
     * an equivalence (UNCHANGED) decision uses: Hesterberg's small-sample correction, which reads the
     * bootstrap quantiles at the tail whose normal quantile is {@code sqrt(n/(n-1)) * t(n-1)}, n the
     * smaller side (or the pair count). At n = 8 and 95% that is the 0.6% tail instead of 2.5%; at
     * n = 3 almost the whole bootstrap range.
     *
     * @param paired true when {@code baseline[i]} and {@code current[i]} are a pair (equal lengths)
     */
    public static BootstrapIntervals of(RatioEstimator estimator, double[] baseline, double[] current,
                                        double confidence, int resamples, long seed, boolean paired) {
        validate(baseline, current, confidence, resamples);
        if (paired && baseline.length != current.length) {
            throw new IllegalArgumentException("paired samples need equal lengths, got " + baseline.length
                    + " and " + current.length);
        }
        double[] ratios = paired ? pairedRatios(estimator, baseline, current, resamples, seed)
                : sortedRatios(estimator, baseline, current, resamples, seed);
        double point = paired ? estimator.of(perPair(baseline, current))
                : SampleMath.ratio(estimator.of(current), estimator.of(baseline));
        double tail = (1 - confidence) / 2;
        RatioInterval decision = new RatioInterval(point, SampleMath.quantileOfSorted(ratios, tail),
                SampleMath.quantileOfSorted(ratios, 1 - tail), confidence);
        double expandedTail = expandedTail(Math.min(baseline.length, current.length), confidence);
        RatioInterval equivalence = new RatioInterval(point, SampleMath.quantileOfSorted(ratios, expandedTail),
                SampleMath.quantileOfSorted(ratios, 1 - expandedTail), 1 - 2 * expandedTail);
        return new BootstrapIntervals(decision, equivalence);
    }

    /** The one-sided tail probability of the expanded percentile interval for {@code n} values; {@code n} of 1 gives 0 (the whole range). */
    static double expandedTail(int n, double confidence) {
        if (n < 2) {
            return 0;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double z = Math.sqrt(n / (n - 1.0)) * t;
        return 1 - new NormalDistribution(0, 1).cumulativeProbability(z);
    }

    /** {@code current[i] / baseline[i]} for every pair. */
    static double[] perPair(double[] baseline, double[] current) {
        double[] r = new double[baseline.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = SampleMath.ratio(current[i], baseline[i]);
        }
        return r;
    }

    private static double[] pairedRatios(RatioEstimator estimator, double[] baseline, double[] current,
                                         int resamples, long seed) {
        double[] pairs = perPair(baseline, current);
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] scratch = new double[pairs.length];
        for (int b = 0; b < resamples; b++) {
            ratios[b] = resampled(estimator, pairs, scratch, random);
        }
        Arrays.sort(ratios);
        return ratios;
    }

    private static double[] sortedRatios(RatioEstimator estimator, double[] baseline, double[] current,
                                         int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        double[] scratchBase = new double[baseline.length];
        double[] scratchCurrent = new double[current.length];
        for (int b = 0; b < resamples; b++) {
            double base = resampled(estimator, baseline, scratchBase, random);
            double cur = resampled(estimator, current, scratchCurrent, random);
            ratios[b] = SampleMath.ratio(cur, base);
        }
        Arrays.sort(ratios);
        return ratios;
    }

    private static void validate(double[] baseline, double[] current, double confidence, int resamples) {
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
