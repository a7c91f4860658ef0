package netarena.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison corrections over the p-values of one comparison (every cell and metric
 * compared at once). Each maps raw p-values to adjusted ones, compared against alpha as they are.
 */
public enum Correction {
    /**
     * Holm's step-down (1979): controls the family-wise error rate, the chance of even one false
     * REGRESSED in the whole comparison, under any dependence between metrics. The default, because
     * a comparison fails as a whole when any one metric regresses.
     */
    HOLM {
        @Override
        double[] adjustSorted(double[] sorted) {
            int m = sorted.length;
            double[] adjusted = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1.0, (m - i) * sorted[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    },
    /**
     * Benjamini-Hochberg's step-up (1995): controls the false discovery rate, the expected share
     * of false alarms among the metrics flagged; more power when many metrics move together.
     */
    BENJAMINI_HOCHBERG {
        @Override
        double[] adjustSorted(double[] sorted) {
            int m = sorted.length;
            double[] adjusted = new double[m];
            double running = 1.0;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1.0, m / (double) (i + 1) * sorted[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    },
    /** No correction: the raw p-values. Only for a single metric, or to show what the correction saves. */
    NONE {
        @Override
        double[] adjustSorted(double[] sorted) {
            return sorted.clone();
        }
    };

    /** The adjusted p-values, in the order of {@code pValues}. */
    public double[] adjust(double[] pValues) {
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + p);
            }
        }
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] sorted = new double[pValues.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = pValues[order[i]];
        }
        double[] adjustedSorted = adjustSorted(sorted);
        double[] adjusted = new double[pValues.length];
        for (int i = 0; i < sorted.length; i++) {
            adjusted[order[i]] = adjustedSorted[i];
        }
        return adjusted;
    }

    abstract double[] adjustSorted(double[] ascending);
}
