package netarena.experiments.capacity;

/**
 * Settings of one {@link SloSearch}, all defaults in {@link #defaults(double, double)}.
 *
 * @param startRatePerSecond first rate probed
 * @param staircase          how the rate climbs until the SLO first fails
 * @param maxRatePerSecond   never probe above this; passing here ends the search
 * @param relativeResolution bisection stops when (failing - passing) <= this * failing, e.g. 0.02
 * @param retriesOnInvalid   probes repeated at one rate when the generator was invalid, before the
 *                           search stops with that reason
 * @param maxSteps           probes in all, retries included
 * @param kneeFactor         the knee is where the latency percentile first exceeds this multiple
 *                           of its value at the lowest rate probed, e.g. 2
 */
public record SearchConfig(double startRatePerSecond, Staircase staircase, double maxRatePerSecond,
                           double relativeResolution, int retriesOnInvalid, int maxSteps, double kneeFactor) {

    public static final double DEFAULT_RELATIVE_RESOLUTION = 0.02;
    public static final int DEFAULT_RETRIES_ON_INVALID = 1;
    public static final int DEFAULT_MAX_STEPS = 40;
    public static final double DEFAULT_KNEE_FACTOR = 2.0;

    public SearchConfig {
        if (!(startRatePerSecond > 0) || !(maxRatePerSecond >= startRatePerSecond) || Double.isInfinite(maxRatePerSecond)) {
            throw new IllegalArgumentException("need 0 < startRatePerSecond <= maxRatePerSecond < infinity, got "
                    + startRatePerSecond + " and " + maxRatePerSecond);
        }
        if (staircase == null) {
            throw new IllegalArgumentException("staircase must not be null");
        }
        if (!(relativeResolution > 0 && relativeResolution < 1)) {
            throw new IllegalArgumentException("relativeResolution must be in (0, 1), got " + relativeResolution);
        }
        if (retriesOnInvalid < 0 || maxSteps < 1) {
            throw new IllegalArgumentException("need retriesOnInvalid >= 0 and maxSteps >= 1, got "
                    + retriesOnInvalid + " and " + maxSteps);
        }
        if (!(kneeFactor > 1)) {
            throw new IllegalArgumentException("kneeFactor must be above 1, got " + kneeFactor);
        }
    }

    /** Doubling from {@code startRatePerSecond}, 2% resolution, 1 retry, 40 steps, knee at 2x low-load latency. */
    public static SearchConfig defaults(double startRatePerSecond, double maxRatePerSecond) {
        return new SearchConfig(startRatePerSecond, Staircase.doubling(), maxRatePerSecond, DEFAULT_RELATIVE_RESOLUTION,
                DEFAULT_RETRIES_ON_INVALID, DEFAULT_MAX_STEPS, DEFAULT_KNEE_FACTOR);
    }

    public SearchConfig withStaircase(Staircase value) {
        return new SearchConfig(startRatePerSecond, value, maxRatePerSecond, relativeResolution, retriesOnInvalid,
                maxSteps, kneeFactor);
    }

    public SearchConfig withRelativeResolution(double value) {
        return new SearchConfig(startRatePerSecond, staircase, maxRatePerSecond, value, retriesOnInvalid, maxSteps,
                kneeFactor);
    }

    public SearchConfig withMaxSteps(int value) {
        return new SearchConfig(startRatePerSecond, staircase, maxRatePerSecond, relativeResolution, retriesOnInvalid,
                value, kneeFactor);
    }
}
