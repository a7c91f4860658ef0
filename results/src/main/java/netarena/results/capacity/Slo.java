package netarena.results.capacity;

import java.util.Locale;

/**
 * A service level objective for the rate search: a latency percentile and an error budget.
 *
 * @param quantile      which percentile of latency, e.g. 0.99
 * @param latencyMicros the most that percentile may be, microseconds
 * @param maxErrorRatio the most failed requests / sent may be, e.g. 0.001
 */
public record Slo(double quantile, double latencyMicros, double maxErrorRatio) {

    public Slo {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
        if (!(latencyMicros > 0)) {
            throw new IllegalArgumentException("latencyMicros must be positive, got " + latencyMicros);
        }
        if (!(maxErrorRatio >= 0 && maxErrorRatio < 1)) {
            throw new IllegalArgumentException("maxErrorRatio must be in [0, 1), got " + maxErrorRatio);
        }
    }

    /** Why a valid measurement misses this SLO, or null when it meets it. */
    public String missedBy(ProbeResult result) {
        if (result.latencyMicros() > latencyMicros) {
            return String.format(Locale.ROOT, "p%s %.1f us > %.1f us", percentile(), result.latencyMicros(), latencyMicros);
        }
        if (result.errorRatio() > maxErrorRatio) {
            return String.format(Locale.ROOT, "errors %.4g > %.4g", result.errorRatio(), maxErrorRatio);
        }
        return null;
    }

    private String percentile() {
        double p = quantile * 100;
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
