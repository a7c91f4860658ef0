package netarena.results.capacity;

/**
 * What one probe measured.
 *
 * @param latencyMicros    the asked-for percentile of latency, microseconds; positive infinity when
 *                         the server fell behind without bound; NaN when the generator was invalid
 * @param errorRatio       failed requests / requests sent, in [0, 1]
 * @param generatorInvalid true when the generator itself could not hold the rate (it fell behind
 *                         its schedule, ran out of CPU or connections); such a step says nothing
 *                         about the server and is never counted as a server failure
 * @param invalidReason    why the generator was invalid; empty otherwise
 */
public record ProbeResult(double latencyMicros, double errorRatio, boolean generatorInvalid, String invalidReason) {

    public ProbeResult {
        if (!generatorInvalid && (Double.isNaN(latencyMicros) || latencyMicros < 0)) {
            throw new IllegalArgumentException("latencyMicros must be non-negative, got " + latencyMicros);
        }
        if (!generatorInvalid && !(errorRatio >= 0 && errorRatio <= 1)) {
            throw new IllegalArgumentException("errorRatio must be in [0, 1], got " + errorRatio);
        }
        invalidReason = invalidReason == null ? "" : invalidReason;
    }

    /** A valid measurement. */
    public static ProbeResult measured(double latencyMicros, double errorRatio) {
        return new ProbeResult(latencyMicros, errorRatio, false, "");
    }

    /** The generator could not hold the rate, for {@code reason}. */
    public static ProbeResult invalid(String reason) {
        return new ProbeResult(Double.NaN, Double.NaN, true, reason);
    }
}
