package netarena.results.capacity;

/**
 * Little's law checked for one point.
 *
 * @param point              the measurement
 * @param impliedConcurrency throughput times mean response time
 * @param relativeDeviation  (implied - concurrency) / concurrency; negative when fewer requests
 *                           were in flight than the generator was meant to keep
 * @param violated           true when |relativeDeviation| exceeds the tolerance
 * @param hint               what a violation of this sign usually means; empty when not violated
 */
public record LittleFinding(LittlePoint point, double impliedConcurrency, double relativeDeviation, boolean violated,
                            String hint) {
}
