package netarena.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private static long[] take(SendSchedule s, int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.next();
        }
        return t;
    }

    @Test
    void constantRateGivesExactTimes() {
        assertArrayEquals(new long[] {0, 1_000_000, 2_000_000, 3_000_000},
                take(SendSchedule.of(Arrivals.CONSTANT, 1_000, 1, 0, 0), 4));
        // 1e9 / 3 does not divide: times are floored, and never drift
        assertArrayEquals(new long[] {0, 333_333_333, 666_666_666, 1_000_000_000, 1_333_333_333},
                take(SendSchedule.of(Arrivals.CONSTANT, 3, 1, 0, 0), 5));
    }

    @Test
    void constantRateSplitOverConnectionsIsTheRunsSequence() {
        long rate = 7_777;
        int connections = 5;
        int perConnection = 2_000;
        long[] merged = new long[connections * perConnection];
        for (int c = 0; c < connections; c++) {
            SendSchedule s = SendSchedule.of(Arrivals.CONSTANT, rate, connections, c, 0);
            for (int i = 0; i < perConnection; i++) {
                merged[c * perConnection + i] = s.next();
            }
        }
        Arrays.sort(merged);
        for (int k = 0; k < merged.length; k++) {
            assertEquals(k * 1_000_000_000L / rate, merged[k], "request " + k);
        }
    }

    @Test
    void constantTimeIsExactFarIntoALongRun() {
        long rate = 9_999_991;
        for (long k : new long[] {0, 1, rate - 1, rate, 36_000_000_000L, Long.MAX_VALUE / 1_000_000_000L * 997}) {
            long expected = BigInteger.valueOf(k).multiply(BigInteger.valueOf(1_000_000_000L))
                    .divide(BigInteger.valueOf(rate)).longValueExact();
            assertEquals(expected, SendSchedule.constantTimeNanos(k, rate), "k = " + k);
        }
    }

    @Test
    void poissonMeanRateIsTheRequestedRate() {
        int n = 200_000;
        long rate = 10_000;
        long[] t = take(SendSchedule.of(Arrivals.POISSON, rate, 1, 0, 7), n);
        double seconds = t[n - 1] / 1e9;
        assertEquals(rate, n / seconds, rate * 0.01, "mean rate within 1%");
        // exponential gaps: standard deviation equal to the mean
        double mean = t[n - 1] / (double) n;
        double sumSq = 0;
        long prev = 0;
        for (long x : t) {
            double d = x - prev - mean;
            sumSq += d * d;
            prev = x;
        }
        assertEquals(1.0, Math.sqrt(sumSq / n) / mean, 0.02, "coefficient of variation of the gaps");
    }

    @Test
    void poissonSplitOverConnectionsKeepsTheRunsRate() {
        long rate = 20_000;
        int connections = 8;
        long horizon = 5_000_000_000L;
        long count = 0;
        for (int c = 0; c < connections; c++) {
            SendSchedule s = SendSchedule.of(Arrivals.POISSON, rate, connections, c, 99);
            while (s.next() < horizon) {
                count++;
            }
        }
        assertEquals(rate * 5.0, count, rate * 5.0 * 0.02, "arrivals in 5 s within 2%");
    }

    @Test
    void poissonIsReproducibleFromItsSeed() {
        assertArrayEquals(take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 2, 123), 1_000),
                take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 2, 123), 1_000));
        assertFalse(Arrays.equals(take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 2, 123), 1_000),
                take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 2, 124), 1_000)), "another seed, other times");
        assertFalse(Arrays.equals(take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 1, 123), 1_000),
                take(SendSchedule.of(Arrivals.POISSON, 1_000, 4, 2, 123), 1_000)), "connections differ");
    }

    @Test
    void timesNeverGoBackwards() {
        for (Arrivals a : Arrivals.values()) {
            SendSchedule s = SendSchedule.of(a, 123_457, 3, 1, 5);
            long prev = -1;
            for (int i = 0; i < 100_000; i++) {
                long t = s.next();
                assertTrue(t >= prev, a + " went backwards at " + i);
                prev = t;
            }
        }
    }

    @Test
    void refusesANonsenseSchedule() {
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.of(Arrivals.CONSTANT, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SendSchedule.of(Arrivals.CONSTANT, 10, 2, 2, 0));
    }
}
