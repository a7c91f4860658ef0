package netarena.server;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the server held each answered request: from the moment it was read whole to the moment its
 * answer was handed on for writing (queueing for a worker, the work, a DELAY's wait), in fixed buckets,
 * as a Prometheus histogram counts. Written by any thread without locks (LongAdder), read as a
 * {@link Snapshot}. The server records no per-request latency otherwise; the load generator's
 * histograms are the measurement, this is what a dashboard watching a running server sees.
 */
public final class ServiceTimeHistogram {

    /** Upper bounds of the buckets, in microseconds (inclusive); one more bucket counts everything above. */
    public static final long[] UPPER_BOUNDS_MICROS = {10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000,
        50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 10_000_000};

    private final LongAdder[] counts = new LongAdder[UPPER_BOUNDS_MICROS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    public ServiceTimeHistogram() {
        Arrays.setAll(counts, i -> new LongAdder());
    }

    /** Counts one request the server held {@code nanos} nanoseconds; a negative time (a clock step) counts as 0. */
    public void record(long nanos) {
        long n = Math.max(0, nanos);
        long micros = (n + 999) / 1_000;
        int bucket = Arrays.binarySearch(UPPER_BOUNDS_MICROS, micros);
        counts[bucket >= 0 ? bucket : -bucket - 1].increment();
        sumNanos.add(n);
    }

    public Snapshot snapshot() {
        long[] c = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].sum();
        }
        return new Snapshot(c, sumNanos.sum());
    }

    /**
     * @param counts   requests per bucket (not cumulative), one per {@link #UPPER_BOUNDS_MICROS} and a last
     *                 one above them all
     * @param sumNanos the total time of the requests counted, in nanoseconds
     */
    public record Snapshot(long[] counts, long sumNanos) {

        public static final Snapshot EMPTY = new Snapshot(new long[UPPER_BOUNDS_MICROS.length + 1], 0);

        public long count() {
            return Arrays.stream(counts).sum();
        }

        /** e.g. {@code [count=5, mean=12.3us]}, for a log line. */
        @Override
        public String toString() {
            long n = count();
            return "[count=" + n + (n == 0 ? "" : String.format(java.util.Locale.ROOT, ", mean=%.1fus",
                    sumNanos / 1e3 / n)) + "]";
        }
    }
}
