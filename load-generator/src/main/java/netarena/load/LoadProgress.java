package netarena.load;

import java.util.Locale;

/**
 * One second of a run as it goes, for the progress line: handed to the listener by the controller thread.
 *
 * @param elapsedSeconds  since the measured phase started (since the run started, during warmup)
 * @param warmup          true during the warmup phase
 * @param okPerSecond     verified answers per second in this interval
 * @param p50Micros       the interval's median latency from the intended send time (0 during warmup)
 * @param p99Micros       the interval's 99th percentile
 * @param errorsSoFar     every error of the run so far
 */
public record LoadProgress(double elapsedSeconds, boolean warmup, double okPerSecond, double p50Micros,
        double p99Micros, long errorsSoFar) {

    /** {@code   3.0s  9998 req/s  p50 0.210 ms  p99 0.480 ms  errors 0}. */
    public String format() {
        if (warmup) {
            return String.format(Locale.ROOT, "%6.1fs  warmup  %9.0f req/s  errors %d", elapsedSeconds, okPerSecond,
                    errorsSoFar);
        }
        return String.format(Locale.ROOT, "%6.1fs  %9.0f req/s  p50 %9.3f ms  p99 %9.3f ms  errors %d",
                elapsedSeconds, okPerSecond, p50Micros / 1000, p99Micros / 1000, errorsSoFar);
    }
}
