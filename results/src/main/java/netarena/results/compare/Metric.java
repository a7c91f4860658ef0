package netarena.results.compare;

import java.util.List;
import netarena.results.stats.Direction;

/**
 * One figure {@code compare} judges, with its unit and which way is better.
 *
 * @param name      how tables and files name it, e.g. {@code p99}
 * @param unit      e.g. {@code us}, {@code req/s}, {@code ops/us}, {@code B/op}
 * @param direction which way is better
 */
public record Metric(String name, String unit, Direction direction) {

    /** Answered requests per second; judged in closed-loop cells only (an open-loop cell's rate is set). */
    public static final Metric THROUGHPUT = new Metric("throughput", "req/s", Direction.HIGHER_IS_BETTER);
    /** Latency percentiles from the intended send time (open loop) or the send (closed loop). */
    public static final Metric P50 = new Metric("p50", "us", Direction.LOWER_IS_BETTER);
    public static final Metric P99 = new Metric("p99", "us", Direction.LOWER_IS_BETTER);
    public static final Metric P999 = new Metric("p99.9", "us", Direction.LOWER_IS_BETTER);
    /** The server's user + system CPU per answered request. */
    public static final Metric CPU_PER_REQUEST = new Metric("cpu per request", "us", Direction.LOWER_IS_BETTER);

    /** The sweep metrics, in table order. */
    public static final List<Metric> SWEEP = List.of(THROUGHPUT, P50, P99, P999, CPU_PER_REQUEST);

    /** JMH's {@code gc.alloc.rate.norm}: bytes allocated per operation, from {@code -prof gc}. */
    public static final Metric JMH_ALLOCATION = new Metric("gc.alloc.rate.norm", "B/op", Direction.LOWER_IS_BETTER);

    /** A JMH primary score: higher is better in throughput mode, lower in every time mode. */
    public static Metric jmhScore(String mode, String unit) {
        return new Metric("score", unit, "thrpt".equals(mode) ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER);
    }

    /** {@code name (unit)}, e.g. {@code p99 (us)}. */
    public String label() {
        return name + " (" + unit + ")";
    }
}
