package netarena.results.stats;

import java.util.Arrays;

/** Order statistics on small arrays, shared by the bootstrap and the calibration. Pure functions. */
final class SampleMath {

    private SampleMath() {
    }

    /** The median of {@code values}, the mean of the middle two for an even count; the array is not changed. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted, sorted.length);
    }

    /** The median of the first {@code n} values of an array sorted ascending. */
    static double medianOfSorted(double[] sorted, int n) {
        int half = n >>> 1;
        return (n & 1) == 1 ? sorted[half] : 0.5 * (sorted[half - 1] + sorted[half]);
    }

    /** Sorts the first {@code n} values in place; insertion sort wins for the handful of repetitions we see. */
    static void sortPrefix(double[] values, int n) {
        if (n > 32) {
            Arrays.sort(values, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }

    /** The q-quantile (0..1) of an ascending array, interpolating linearly between order statistics (Hyndman-Fan type 7). */
    static double quantileOfSorted(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double lower = sorted[lo];
        double upper = sorted[hi];
        double fraction = h - lo;
        if (fraction == 0 || lower == upper) {
            return lower;
        }
        return lower + fraction * (upper - lower);
    }

    /** {@code current / baseline}, reading 0/0 as no change (1) and x/0 as an infinite increase. */
    static double ratio(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return current / baseline;
    }
}
