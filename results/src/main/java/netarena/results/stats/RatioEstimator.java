package netarena.results.stats;

/** Which centre of each side's repetitions the ratio current/baseline compares. */
public enum RatioEstimator {
    /** Median of the repetitions: one repetition in five that met a noisy neighbour does not move it. */
    MEDIAN {
        @Override
        double ofSorted(double[] sorted, int n) {
            return SampleMath.medianOfSorted(sorted, n);
        }
    },
    /** Mean of the repetitions: a narrower interval from the same data when noise is well behaved. */
    MEAN {
        @Override
        double ofSorted(double[] sorted, int n) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sorted[i];
            }
            return sum / n;
        }
    };

    /** The estimate from the first {@code n} values of an ascending array. */
    abstract double ofSorted(double[] sorted, int n);

    /** The estimate of {@code values}, which are not changed. */
    double of(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return ofSorted(sorted, sorted.length);
    }
}
