package netarena.results.stats;

import java.util.SplittableRandom;

/** Seeded synthetic repetitions of known truth for the statistics tests. */
final class Synthetic {

    private Synthetic() {
    }

    /** {@code n} values from a lognormal with median {@code median} and log standard deviation {@code logSd}. */
    static double[] lognormal(SplittableRandom random, int n, double median, double logSd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * Math.exp(logSd * random.nextGaussian());
        }
        return values;
    }

    /** The log standard deviation of a lognormal with this coefficient of variation: sqrt(ln(1 + cv^2)). */
    static double logSdForCv(double cv) {
        return Math.sqrt(Math.log1p(cv * cv));
    }
}
