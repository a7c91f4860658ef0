package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceTimeHistogramTest {

    private static int bucketOf(long micros) {
        for (int i = 0; i < ServiceTimeHistogram.UPPER_BOUNDS_MICROS.length; i++) {
            if (micros <= ServiceTimeHistogram.UPPER_BOUNDS_MICROS[i]) {
                return i;
            }
        }
        return ServiceTimeHistogram.UPPER_BOUNDS_MICROS.length;
    }

    @Test
    void countsEachTimeInTheFirstBucketWhoseBoundHoldsIt() {
        ServiceTimeHistogram h = new ServiceTimeHistogram();
        long[] nanos = {0, 1, 10_000, 10_001, 999_999, 1_000_000, 1_000_001, 10_000_000_000L, 60_000_000_000L, -5};
        for (long n : nanos) {
            h.record(n);
        }
        long[] expected = new long[ServiceTimeHistogram.UPPER_BOUNDS_MICROS.length + 1];
        for (long n : nanos) {
            expected[bucketOf((Math.max(0, n) + 999) / 1_000)]++;
        }
        ServiceTimeHistogram.Snapshot s = h.snapshot();
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(s.counts()));
        assertEquals(nanos.length, s.count());
        assertEquals(4, s.counts()[0], "-5 ns, 0, 1 ns and 10 us: the first bucket, up to 10 us inclusive");
        assertEquals(1, s.counts()[1], "10.001 us rounds up to 11 us: the 25 us bucket");
        assertEquals(2, s.counts()[6], "999.999 us and 1 ms: the 1 ms bucket");
        assertEquals(1, s.counts()[7], "1.000001 ms: the 2.5 ms bucket");
        assertEquals(1, s.counts()[17], "10 s: the last bound");
        assertEquals(1, s.counts()[18], "60 s: above every bound");
        long sum = 0;
        for (long n : nanos) {
            sum += Math.max(0, n);
        }
        assertEquals(sum, s.sumNanos());
    }
}
