package netarena.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's histograms, in microseconds from 1 us to 1 hour at 3 significant digits: latency from
 * the intended send time, service time from the actual write, send lag, and connect time.
 *
 * <p>Each is an HdrHistogram {@link SingleWriterRecorder}: the loop records without a lock or an atomic
 * (one recorder per loop, so one writer each), and the controller takes interval histograms every second
 * without stalling it. Values past an hour are recorded as an hour.
 */
final class LatencyRecorder {

    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    final SingleWriterRecorder latency = newRecorder();
    final SingleWriterRecorder service = newRecorder();
    final SingleWriterRecorder sendLag = newRecorder();
    final SingleWriterRecorder connect = newRecorder();

    static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** An empty histogram of the same range and precision. */
    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Records a span given in nanoseconds as microseconds, rounded down, clamped to [0, 1 hour]. */
    static void record(SingleWriterRecorder recorder, long nanos) {
        recorder.recordValue(Math.min(Math.max(nanos, 0) / 1_000, HIGHEST_MICROS));
    }
}
