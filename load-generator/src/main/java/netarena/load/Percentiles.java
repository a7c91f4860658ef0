package netarena.load;

import org.HdrHistogram.Histogram;

/**
 * A histogram's summary in microseconds: the percentiles every report shows. Zeros when it is empty.
 *
 * @param count values recorded
 */
public record Percentiles(long count, double minMicros, double meanMicros, double p50Micros, double p90Micros,
        double p99Micros, double p999Micros, double p9999Micros, double maxMicros) {

    public static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(h.getTotalCount(), h.getMinValue(), h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getValueAtPercentile(99.99), h.getMaxValue());
    }
}
