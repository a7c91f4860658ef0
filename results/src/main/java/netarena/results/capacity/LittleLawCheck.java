package netarena.results.capacity;

import java.util.List;

/**
 * Checks closed-loop measurements against Little's law: with N requests always in flight, throughput
 * X and mean response time R must satisfy N = X R. A point that misses by more than the tolerance
 * was not the closed loop it claims to be, and its numbers should not feed a USL fit or a verdict.
 *
 * <p>Default tolerance 10% ({@link #DEFAULT_TOLERANCE}): it absorbs the ramp at the edges of a
 * measured window (requests started before it and finished in it, or the reverse), a mean taken
 * from a histogram's buckets, and connection setup counted in one of X and R but not the other.
 * Real faults are usually larger: a generator that cannot keep up shows 20-50% below.
 */
public final class LittleLawCheck {

    /** Relative tolerance on N = X R: 0.10 is 10%. */
    public static final double DEFAULT_TOLERANCE = 0.10;

    static final String BELOW = "fewer requests in flight than the concurrency: the generator was the bottleneck "
            + "(busy threads, think time, connect or write stalls) or errors ended requests outside the timed ones";
    static final String ABOVE = "more requests in flight than the concurrency allows: throughput or response time "
            + "counts something the other does not (errors, retries, a warm-up window), or the windows differ";

    private LittleLawCheck() {
    }

    /** Checks every point with {@link #DEFAULT_TOLERANCE}. */
    public static List<LittleFinding> check(List<LittlePoint> points) {
        return check(points, DEFAULT_TOLERANCE);
    }

    /** Checks every point; {@code tolerance} is relative, e.g. 0.10. Findings are in input order. */
    public static List<LittleFinding> check(List<LittlePoint> points, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got " + tolerance);
        }
        return points.stream().map(p -> finding(p, tolerance)).toList();
    }

    private static LittleFinding finding(LittlePoint point, double tolerance) {
        double implied = point.impliedConcurrency();
        double deviation = (implied - point.concurrency()) / point.concurrency();
        boolean violated = Math.abs(deviation) > tolerance;
        String hint = !violated ? "" : deviation < 0 ? BELOW : ABOVE;
        return new LittleFinding(point, implied, deviation, violated, hint);
    }
}
