package netarena.results.capacity;

import java.util.List;

/**
 * Marks the knee of a throughput-latency curve: the rate where the latency percentile first exceeds
 * {@code factor} times its value at the lowest rate probed, interpolated linearly between the two
 * probed rates around the crossing. A mark, not a fit: it is as fine as the probes near it, and with
 * an M/M/1-like server and factor 2 it lands where the server is about half as idle as at low load.
 */
public final class KneeMarker {

    private KneeMarker() {
    }

    /** The knee rate, per second, or NaN when no valid step exceeds the multiple. */
    public static double knee(List<SearchStep> curve, double factor) {
        if (curve.isEmpty()) {
            return Double.NaN;
        }
        double limit = factor * curve.get(0).result().latencyMicros();
        for (int i = 1; i < curve.size(); i++) {
            SearchStep above = curve.get(i);
            double latency = above.result().latencyMicros();
            if (latency > limit) {
                SearchStep below = curve.get(i - 1);
                double from = below.result().latencyMicros();
                if (Double.isInfinite(latency)) {
                    // no slope to follow into an unbounded queue: the last finite rate is the mark
                    return below.ratePerSecond();
                }
                double fraction = (limit - from) / (latency - from);
                return below.ratePerSecond() + fraction * (above.ratePerSecond() - below.ratePerSecond());
            }
        }
        return Double.NaN;
    }
}
