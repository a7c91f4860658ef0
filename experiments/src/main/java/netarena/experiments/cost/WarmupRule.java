package netarena.experiments.cost;

import java.time.Duration;

/**
 * When a cell's warmup has done its work: at least {@code minRequests} answered, and the JIT compilers of
 * both JVMs (server and generator) quiet over the last {@code interval}: their CPU time in it below
 * {@code maxJitShare} of the interval. Never longer than {@code maxTime}, which is then reported as the end.
 *
 * @param minRequests verified warmup answers at least (C2 compiles a method after about 15,000 calls
 *                    with tiered compilation, so the hot path is compiled well before a few tens of thousands)
 * @param interval    the window over which compile activity is judged
 * @param maxJitShare compiler CPU per wall time in that window under which compiling has settled, e.g. 0.02
 * @param maxTime     the longest warmup, whatever the compilers do
 */
public record WarmupRule(long minRequests, Duration interval, double maxJitShare, Duration maxTime) {

    /** The defaults of a sweep: 20,000 answers, compilers under 2% of a core over half a second. */
    public static final long DEFAULT_MIN_REQUESTS = 20_000;
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    public static final double DEFAULT_MAX_JIT_SHARE = 0.02;

    public WarmupRule {
        if (minRequests < 0 || interval.isNegative() || interval.isZero() || maxJitShare <= 0 || maxTime.isNegative()) {
            throw new IllegalArgumentException("warmup: minRequests >= 0, interval > 0, maxJitShare > 0 and maxTime"
                    + " >= 0, were " + minRequests + ", " + interval + ", " + maxJitShare + ", " + maxTime);
        }
    }

    /** The default rule, bounded by {@code maxTime}. */
    public static WarmupRule upTo(Duration maxTime) {
        return new WarmupRule(DEFAULT_MIN_REQUESTS, DEFAULT_INTERVAL, DEFAULT_MAX_JIT_SHARE, maxTime);
    }
}
