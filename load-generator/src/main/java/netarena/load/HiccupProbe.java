package netarena.load;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Watches the generator's own process, as jHiccup does: a thread asks to sleep {@value #SLEEP_MICROS} us
 * and records how much later than its shortest sleep so far it woke, in microseconds. GC pauses,
 * safepoints and CPU starvation show here; if they are large, the run measured the generator rather than
 * the server.
 *
 * <p>A stall of length L swallows the wake-ups that would have come during it; as jHiccup does, each one
 * is put back ({@code recordValueWithExpectedInterval}): L, L - 1 ms, L - 2 ms, ... So the histogram has
 * about one sample per millisecond of wall time, and the share of its samples above a value is the share
 * of time during which a request would have waited longer than that for the generator.
 *
 * <p>Runs on its own daemon thread from {@link #start} to {@link #stop}; {@link #recorder} may be
 * sampled from any thread.
 */
final class HiccupProbe {

    static final long SLEEP_MICROS = 1_000;

    final SingleWriterRecorder recorder = LatencyRecorder.newRecorder();
    private final Thread thread = new Thread(this::probe, "netarena-hiccup");
    private volatile boolean running = true;
    /** The shortest sleep seen: the timer's own overshoot (slack), which is no hiccup. */
    private long shortestSleepNanos = Long.MAX_VALUE;

    HiccupProbe() {
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    private void probe() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_MICROS * 1_000);
            long slept = System.nanoTime() - before;
            if (running) {
                shortestSleepNanos = Math.min(shortestSleepNanos, slept);
                record(recorder, slept - shortestSleepNanos);
            }
        }
    }

    /**
     * Records one wake-up {@code lateNanos} past the expected sleep, with the wake-ups it swallowed: in
     * microseconds, each {@value #SLEEP_MICROS} us shorter than the one before, down to the sleep.
     */
    static void record(SingleWriterRecorder recorder, long lateNanos) {
        long micros = Math.min(Math.max(lateNanos, 0) / 1_000, LatencyRecorder.HIGHEST_MICROS);
        recorder.recordValueWithExpectedInterval(micros, SLEEP_MICROS);
    }
}
