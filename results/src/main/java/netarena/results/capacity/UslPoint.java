package netarena.results.capacity;

/**
 * One measurement for a Universal Scalability Law fit.
 *
 * @param concurrency         clients (or connections, threads) in flight, at least 1
 * @param throughputPerSecond completed requests per second at that concurrency, positive
 */
public record UslPoint(double concurrency, double throughputPerSecond) {

    public UslPoint {
        if (!(concurrency >= 1) || Double.isInfinite(concurrency)) {
            throw new IllegalArgumentException("concurrency must be finite and at least 1, got " + concurrency);
        }
        if (!(throughputPerSecond > 0) || Double.isInfinite(throughputPerSecond)) {
            throw new IllegalArgumentException("throughputPerSecond must be finite and positive, got " + throughputPerSecond);
        }
    }
}
