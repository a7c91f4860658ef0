package netarena.results.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric of one cell, measured over repetitions of the baseline and of the current run: one
 * value per repetition (e.g. the p99 of each run), in the metric's own unit, the same on both sides.
 *
 * @param cell      the sweep cell, e.g. {@code "nio-selector/echo/c64"}
 * @param metric    the metric's name with its unit, e.g. {@code "p99Micros"}
 * @param direction which way is better
 * @param baseline  one finite, non-negative value per baseline repetition
 * @param current   one finite, non-negative value per current repetition
 * @param paired    true when {@code baseline[i]} and {@code current[i]} were measured next to each
 *                  other (an ABBA run's round i), so the comparison analyses the per-pair ratios
 */
public record MetricSamples(String cell, String metric, Direction direction, double[] baseline, double[] current,
                            boolean paired) {

    public MetricSamples {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        baseline = checked(baseline, cell, metric, "baseline");
        current = checked(current, cell, metric, "current");
        if (paired && baseline.length != current.length) {
            throw new IllegalArgumentException("paired samples of " + cell + "/" + metric
                    + " need as many baseline as current values, got " + baseline.length + " and " + current.length);
        }
    }

    /** Independent samples: the two sides' repetitions are not paired. */
    public MetricSamples(String cell, String metric, Direction direction, double[] baseline, double[] current) {
        this(cell, metric, direction, baseline, current, false);
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    @Override
    public double[] current() {
        return current.clone();
    }

    /** {@code cell/metric}, how reports name this metric. */
    public String key() {
        return cell + "/" + metric;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSamples other && cell.equals(other.cell) && metric.equals(other.metric)
                && direction == other.direction && paired == other.paired && Arrays.equals(baseline, other.baseline)
                && Arrays.equals(current, other.current);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, metric, direction, paired, Arrays.hashCode(baseline), Arrays.hashCode(current));
    }

    @Override
    public String toString() {
        return key() + " " + direction + (paired ? " paired" : "") + " baseline=" + Arrays.toString(baseline) + " current=" + Arrays.toString(current);
    }

    private static double[] checked(double[] values, String cell, String metric, String side) {
        Objects.requireNonNull(values, side);
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(side + " values of " + cell + "/" + metric
                        + " must be finite and non-negative, got " + v);
            }
        }
        return values.clone();
    }
}
