package netarena.load;

import java.util.SplittableRandom;

/**
 * The intended send times of one connection's requests in an open-loop run: a pure, endless sequence of
 * nanoseconds since the start of the run, non-decreasing. No clock, no sockets: testable by arithmetic.
 *
 * <p>The run's rate is shared between its {@code connections}, and the union of the connections'
 * sequences is the run's sequence. For {@link Arrivals#CONSTANT} that union is exactly
 * {@code floor(k * 1e9 / rate)} for k = 0, 1, 2...: connection {@code index} takes every k with
 * {@code k % connections == index}. For {@link Arrivals#POISSON} each connection is an independent
 * Poisson process of rate {@code rate / connections}; their superposition is a Poisson process of the
 * whole rate, so the split changes nothing statistically.
 *
 * <p>Not thread-safe: one instance per connection, advanced by the connection's event loop.
 */
public sealed interface SendSchedule permits SendSchedule.Constant, SendSchedule.Poisson {

    /** The intended send time of the next request, in nanoseconds since the run started; then advances. */
    long next();

    /**
     * One connection's share of a run.
     *
     * @param arrivals      constant or Poisson spacing
     * @param ratePerSecond requests per second for the whole run, at least 1
     * @param connections   connections sharing the rate, at least 1
     * @param index         this connection, 0 to connections - 1
     * @param seed          the run's seed (Poisson only); the same seed gives the same times
     */
    static SendSchedule of(Arrivals arrivals, long ratePerSecond, int connections, int index, long seed) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1, was " + ratePerSecond);
        }
        if (connections < 1 || index < 0 || index >= connections) {
            throw new IllegalArgumentException("index must be in [0, " + connections + "), was " + index);
        }
        return switch (arrivals) {
            case CONSTANT -> new Constant(ratePerSecond, connections, index);
            case POISSON -> new Poisson(ratePerSecond, connections, index, seed);
        };
    }

    /** {@code floor(k * 1e9 / ratePerSecond)}, exact for any k below 2^63 (no floating point, no overflow). */
    static long constantTimeNanos(long k, long ratePerSecond) {
        long whole = k / ratePerSecond;
        long part = k % ratePerSecond;
        // part < ratePerSecond, so part * 1e9 stays below 2^63 for any rate under 9.2e9 per second
        return whole * 1_000_000_000L + part * 1_000_000_000L / ratePerSecond;
    }

    /** Every {@code connections}-th slot of the evenly spaced run sequence, starting at {@code index}. */
    final class Constant implements SendSchedule {
        private final long ratePerSecond;
        private final int connections;
        private long k;

        Constant(long ratePerSecond, int connections, int index) {
            this.ratePerSecond = ratePerSecond;
            this.connections = connections;
            this.k = index;
        }

        @Override
        public long next() {
            long t = constantTimeNanos(k, ratePerSecond);
            k += connections;
            return t;
        }
    }

    /** Exponential gaps with mean {@code connections * 1e9 / ratePerSecond} nanoseconds. */
    final class Poisson implements SendSchedule {
        private final double meanGapNanos;
        private final SplittableRandom random;
        private double timeNanos;

        Poisson(long ratePerSecond, int connections, int index, long seed) {
            this.meanGapNanos = connections * 1e9 / ratePerSecond;
            // one stream per connection, a pure function of (seed, index)
            this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L)));
        }

        @Override
        public long next() {
            // -ln(1 - u) with u in [0, 1): never ln(0)
            timeNanos += -Math.log1p(-random.nextDouble()) * meanGapNanos;
            return (long) timeNanos;
        }
    }
}
