package netarena.results.capacity;

/**
 * One closed-loop measurement to check against Little's law, L = X R.
 *
 * @param concurrency         requests the generator keeps in flight (clients, or connections times
 *                            pipeline depth), positive
 * @param throughputPerSecond completed requests per second over the measured window
 * @param meanResponseSeconds mean response time of those requests, seconds, as the client saw it
 */
public record LittlePoint(double concurrency, double throughputPerSecond, double meanResponseSeconds) {

    public LittlePoint {
        if (!(concurrency > 0) || Double.isInfinite(concurrency)) {
            throw new IllegalArgumentException("concurrency must be finite and positive, got " + concurrency);
        }
        if (!(throughputPerSecond >= 0) || Double.isInfinite(throughputPerSecond)) {
            throw new IllegalArgumentException("throughputPerSecond must be finite and non-negative, got " + throughputPerSecond);
        }
        if (!(meanResponseSeconds >= 0) || Double.isInfinite(meanResponseSeconds)) {
            throw new IllegalArgumentException("meanResponseSeconds must be finite and non-negative, got " + meanResponseSeconds);
        }
    }

    /** X R: the concurrency the throughput and response time imply. */
    public double impliedConcurrency() {
        return throughputPerSecond * meanResponseSeconds;
    }
}
