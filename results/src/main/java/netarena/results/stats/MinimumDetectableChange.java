package netarena.results.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Estimates the minimum detectable change: the smallest relative increase of a metric that the
 * comparison (same threshold, interval, test and correction) flags in at least {@code power} of
 * runs, given the metric's A/A noise and the number of repetitions per side. Pure and seeded.
 *
 * <p>Method, a Monte Carlo of the procedure itself rather than a formula, because with 3-10
 * repetitions the bootstrap interval and the exact rank test are far from their asymptotics:
 * <ol>
 *   <li>Each trial draws baseline and current from one lognormal with the A/A log standard
 *       deviation, {@code repetitionsPerSide} values each.</li>
 *   <li>Scaling current by {@code 1 + d} scales every bootstrap ratio by {@code 1 + d} (same
 *       resample indices), so the interval clears {@code 1 + threshold} exactly when
 *       {@code d > (1 + threshold) / low - 1}, low being the interval's lower end at d = 0.</li>
 *   <li>The rank test only grows more significant upwards as d grows, so the smallest d with
 *       {@code m * p < alpha} (m = metricsInFamily: Holm and Benjamini-Hochberg both multiply the
 *       smallest of m p-values by m when one metric changes alone) is found by bisection.</li>
 *   <li>Each trial's smallest flagged change is the larger of the two; the estimate is their
 *       {@code power}-quantile over the trials.</li>
 * </ol>
 * The estimate is for an increase (a LOWER_IS_BETTER metric getting worse); a decrease of the same
 * size in log terms is flagged alike, and with a 5% threshold the two differ by well under a point.
 * The noise estimate itself is uncertain (see {@link NoiseEstimate#degreesOfFreedom()}).
 */
public final class MinimumDetectableChange {

    /** Share of runs that must flag a change for it to count as detectable. */
    public static final double DEFAULT_POWER = 0.8;
    /** Simulated comparisons per estimate. */
    public static final int DEFAULT_TRIALS = 400;

    private static final double BISECTION_TOLERANCE = 1e-4;

    private MinimumDetectableChange() {
    }

    /**
     * The fewest repetitions per side with which the exact rank test can reach a corrected p below
     * {@code alpha} at all when {@code metricsInFamily} metrics are compared: the smallest n with
     * {@code metricsInFamily * 2 / C(2n, n) < alpha}. With alpha 0.05: 4 for 1 metric, 6 for 10, 8 for 100.
     */
    public static int minimumRepetitionsPerSide(int metricsInFamily, double alpha) {
        if (metricsInFamily < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need metricsInFamily >= 1 and alpha in (0, 1), got "
                    + metricsInFamily + " and " + alpha);
        }
        int n = 2;
        while (metricsInFamily * MannWhitneyTest.smallestTwoSidedP(n, n) >= alpha) {
            n++;
        }
        return n;
    }

    /** The estimate for one metric's A/A noise, with the default power and trials. */
    public static DetectableChange estimate(NoiseEstimate noise, int repetitionsPerSide, int metricsInFamily,
                                            ComparisonConfig config) {
        return estimate(noise.logSd(), repetitionsPerSide, metricsInFamily, DEFAULT_POWER, DEFAULT_TRIALS, config);
    }

    /**
     * @param logSd              noise as the standard deviation of ln(value), e.g. 0.03 for about 3%
     * @param repetitionsPerSide repetitions of baseline and of current, at least config.minValuesPerSide()
     * @param metricsInFamily    how many metrics one comparison corrects over, at least 1
     * @param power              share of runs that must flag the change, in (0, 1)
     * @param trials             simulated comparisons, at least 20
     */
    public static DetectableChange estimate(double logSd, int repetitionsPerSide, int metricsInFamily, double power,
                                            int trials, ComparisonConfig config) {
        validate(logSd, repetitionsPerSide, metricsInFamily, power, trials, config);
        int family = config.correction() == Correction.NONE ? 1 : metricsInFamily;
        double floor = MannWhitneyTest.smallestTwoSidedP(repetitionsPerSide, repetitionsPerSide);
        if (family * floor >= config.alpha()) {
            return new DetectableChange(Double.POSITIVE_INFINITY, power, repetitionsPerSide, metricsInFamily, logSd,
                    0, String.format(Locale.ROOT, "never: with %d values per side the smallest p is %.3g, "
                            + "times %d metrics is not below alpha %s", repetitionsPerSide, floor, family, config.alpha()));
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] smallest = new double[trials];
        for (int t = 0; t < trials; t++) {
            smallest[t] = smallestFlaggedChange(logSd, repetitionsPerSide, family, config, random);
        }
        Arrays.sort(smallest);
        double change = smallest[Math.min(trials - 1, (int) Math.ceil(power * trials) - 1)];
        String note = String.format(Locale.ROOT, "%d trials of %d vs %d values, log sd %.4g, %s over %d metrics, "
                + "threshold ±%.3g%%", trials, repetitionsPerSide, repetitionsPerSide, logSd, config.correction(),
                metricsInFamily, config.noiseThreshold() * 100);
        return new DetectableChange(change, power, repetitionsPerSide, metricsInFamily, logSd, trials, note);
    }

    private static double smallestFlaggedChange(double logSd, int n, int family, ComparisonConfig config,
                                                SplittableRandom random) {
        double[] baseline = lognormal(logSd, n, random);
        double[] current = lognormal(logSd, n, random);
        RatioInterval atZero = BootstrapRatio.of(config.estimator(), baseline, current, config.confidence(), config.resamples(),
                random.nextLong());
        double forInterval = Math.max(0.0, (1 + config.noiseThreshold()) / atZero.low() - 1);
        double allAbove = Math.max(0.0, max(baseline) / min(current) * (1 + 1e-9) - 1);
        if (!significantUp(baseline, current, allAbove, family, config.alpha())) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0;
        double hi = allAbove;
        if (significantUp(baseline, current, lo, family, config.alpha())) {
            hi = lo;
        }
        while (hi - lo > BISECTION_TOLERANCE) {
            double mid = 0.5 * (lo + hi);
            if (significantUp(baseline, current, mid, family, config.alpha())) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.max(forInterval, hi);
    }

    private static boolean significantUp(double[] baseline, double[] current, double change, int family, double alpha) {
        double[] shifted = new double[current.length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = current[i] * (1 + change);
        }
        double u = MannWhitneyTest.uStatistic(shifted, baseline);
        return u > shifted.length * (double) baseline.length / 2
                && family * MannWhitneyTest.twoSidedP(baseline, shifted) < alpha;
    }

    private static double[] lognormal(double logSd, int n, SplittableRandom random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(logSd * random.nextGaussian());
        }
        return values;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static void validate(double logSd, int n, int metricsInFamily, double power, int trials,
                                 ComparisonConfig config) {
        if (!(logSd >= 0) || Double.isInfinite(logSd)) {
            throw new IllegalArgumentException("logSd must be finite and non-negative, got " + logSd);
        }
        if (n < config.minValuesPerSide()) {
            throw new IllegalArgumentException("repetitionsPerSide must be at least " + config.minValuesPerSide()
                    + ", got " + n);
        }
        if (metricsInFamily < 1) {
            throw new IllegalArgumentException("metricsInFamily must be at least 1, got " + metricsInFamily);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power);
        }
        if (trials < 20) {
            throw new IllegalArgumentException("trials must be at least 20, got " + trials);
        }
    }
}
