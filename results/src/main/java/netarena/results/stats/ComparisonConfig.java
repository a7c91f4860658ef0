package netarena.results.stats;

/**
 * Every knob of a baseline-versus-current comparison, with all defaults in {@link #defaults()}.
 * Immutable; the CLI and tests both build it.
 *
 * @param noiseThreshold   relative change treated as noise, e.g. 0.05 for plus or minus 5%
 * @param alpha            significance level for the corrected p-values, e.g. 0.05
 * @param confidence       coverage of the bootstrap interval, e.g. 0.95
 * @param estimator        which centre of each side the ratio compares (median by default)
 * @param resamples        bootstrap resamples per metric, e.g. 10,000
 * @param seed             bootstrap seed; each metric mixes in its cell and name, so a metric's
 *                         interval does not depend on which other metrics are compared with it
 * @param correction       multiple-comparison correction across every metric in the comparison
 * @param minValuesPerSide fewer repetitions than this on either side make that metric INCONCLUSIVE
 */
public record ComparisonConfig(double noiseThreshold, double alpha, double confidence, RatioEstimator estimator,
                               int resamples, long seed, Correction correction, int minValuesPerSide) {

    public static final double DEFAULT_NOISE_THRESHOLD = 0.05;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final RatioEstimator DEFAULT_ESTIMATOR = RatioEstimator.MEDIAN;
    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 0x6E657461L;
    public static final Correction DEFAULT_CORRECTION = Correction.HOLM;
    public static final int DEFAULT_MIN_VALUES_PER_SIDE = 2;

    public ComparisonConfig {
        if (!(noiseThreshold >= 0 && noiseThreshold < 1)) {
            throw new IllegalArgumentException("noiseThreshold must be in [0, 1), got " + noiseThreshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (estimator == null) {
            throw new IllegalArgumentException("estimator must not be null");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
        if (correction == null) {
            throw new IllegalArgumentException("correction must not be null");
        }
        if (minValuesPerSide < 2) {
            throw new IllegalArgumentException("minValuesPerSide must be at least 2, got " + minValuesPerSide);
        }
    }

    /** 5% noise threshold, alpha 0.05, 95% interval of the ratio of medians, 10,000 resamples, Holm, at least 2 values per side. */
    public static ComparisonConfig defaults() {
        return new ComparisonConfig(DEFAULT_NOISE_THRESHOLD, DEFAULT_ALPHA, DEFAULT_CONFIDENCE, DEFAULT_ESTIMATOR,
                DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_CORRECTION, DEFAULT_MIN_VALUES_PER_SIDE);
    }

    public ComparisonConfig withEstimator(RatioEstimator value) {
        return new ComparisonConfig(noiseThreshold, alpha, confidence, value, resamples, seed, correction, minValuesPerSide);
    }

    public ComparisonConfig withNoiseThreshold(double value) {
        return new ComparisonConfig(value, alpha, confidence, estimator, resamples, seed, correction, minValuesPerSide);
    }

    public ComparisonConfig withCorrection(Correction value) {
        return new ComparisonConfig(noiseThreshold, alpha, confidence, estimator, resamples, seed, value, minValuesPerSide);
    }

    public ComparisonConfig withResamples(int value) {
        return new ComparisonConfig(noiseThreshold, alpha, confidence, estimator, value, seed, correction, minValuesPerSide);
    }

    public ComparisonConfig withSeed(long value) {
        return new ComparisonConfig(noiseThreshold, alpha, confidence, estimator, resamples, value, correction, minValuesPerSide);
    }
}
