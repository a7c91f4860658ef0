package netarena.results.stats;

/**
 * How noisy one metric is, from an A/A calibration: the same build measured twice, each side over
 * several repetitions. Noise is the pooled standard deviation of the natural logarithm of the
 * values, which for small noise is the coefficient of variation (0.03 is about 3%).
 *
 * @param cell             the sweep cell
 * @param metric           the metric's name with its unit
 * @param logSd            pooled standard deviation of ln(value) within each side
 * @param degreesOfFreedom values minus sides; with 5 + 5 repetitions it is 8, and logSd itself is
 *                         then only good to about plus or minus 25%
 */
public record NoiseEstimate(String cell, String metric, double logSd, int degreesOfFreedom) {

    public NoiseEstimate {
        if (!(logSd >= 0) || Double.isInfinite(logSd)) {
            throw new IllegalArgumentException("logSd must be finite and non-negative, got " + logSd);
        }
    }

    /**
     * Pools the spread of ln(value) around each side's own mean, so a shift between the two A runs
     * (which would be a real difference between them, not repetition noise) does not count.
     *
     * @param first  the first A run's values, at least 2, all positive
     * @param second the second A run's values, at least 2, all positive
     */
    public static NoiseEstimate fromAa(String cell, String metric, double[] first, double[] second) {
        double squares = 0;
        int dof = 0;
        for (double[] side : new double[][] {first, second}) {
            if (side.length < 2) {
                throw new IllegalArgumentException("A/A calibration of " + cell + "/" + metric
                        + " needs at least 2 values per side, got " + side.length);
            }
            double mean = 0;
            for (double v : side) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("A/A values of " + cell + "/" + metric
                            + " must be finite and positive, got " + v);
                }
                mean += Math.log(v);
            }
            mean /= side.length;
            for (double v : side) {
                double d = Math.log(v) - mean;
                squares += d * d;
            }
            dof += side.length - 1;
        }
        return new NoiseEstimate(cell, metric, Math.sqrt(squares / dof), dof);
    }

    /** The coefficient of variation of a lognormal with this log standard deviation: sqrt(e^(s^2) - 1). */
    public double coefficientOfVariation() {
        return Math.sqrt(Math.expm1(logSd * logSd));
    }
}
