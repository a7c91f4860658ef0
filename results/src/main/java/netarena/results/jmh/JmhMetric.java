package netarena.results.jmh;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One metric of a JMH result: the primary metric or a secondary one such as {@code gc.alloc.rate.norm}.
 *
 * @param score            the score, in {@code unit}
 * @param scoreError       the half-width of JMH's 99.9% confidence interval; NaN when JMH could not
 *                         compute one (a single iteration)
 * @param unit             e.g. {@code ops/us}, {@code us/op}, {@code B/op}
 * @param percentiles      percentile (0 to 100) to value, as JMH reports them (over iterations, or over
 *                         samples in sample mode)
 * @param rawData          per fork, per measurement iteration, the iteration's score; empty in sample mode
 * @param rawDataHistogram sample mode only: per fork, per iteration, the histogram of sampled values
 */
public record JmhMetric(double score, double scoreError, String unit, NavigableMap<Double, Double> percentiles,
        List<List<Double>> rawData, List<List<List<Bin>>> rawDataHistogram) {

    /** {@code count} samples of {@code value} in a sample-mode iteration. */
    public record Bin(double value, long count) {
    }

    public JmhMetric {
        percentiles = Collections.unmodifiableNavigableMap(new TreeMap<>(percentiles));
        rawData = rawData.stream().map(List::copyOf).toList();
        rawDataHistogram = rawDataHistogram.stream().map(f -> f.stream().map(List::copyOf).toList()).toList();
    }

    /** Every iteration score of every fork, in order: the samples a bootstrap comparison resamples. */
    public List<Double> iterationScores() {
        return rawData.stream().flatMap(List::stream).toList();
    }

    /** The value at {@code percentile} (0 to 100) as JMH reported it, or NaN if it did not. */
    public double percentile(double percentile) {
        Double v = percentiles.get(percentile);
        return v == null ? Double.NaN : v;
    }
}
