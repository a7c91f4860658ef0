package netarena.load;

import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Watches the generator's own process, as jHiccup does: a thread asks to sleep 1 ms and records how much
 * later than that it woke, in microseconds. GC pauses, safepoints and CPU starvation show here; if they
 * are large, the run measured the generator rather than the server.
 *
 * <p>Runs on its own daemon thread from {@link #start} to {@link #stop}; {@link #recorder} may be
 * sampled from any thread.
 */
final class HiccupProbe {

    private static final long SLEEP_NANOS = 1_000_000;

    final SingleWriterRecorder recorder = LatencyRecorder.newRecorder();
    private final Thread thread = new Thread(this::probe, "netarena-hiccup");
    private volatile boolean running = true;

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
            LockSupport.parkNanos(SLEEP_NANOS);
            long late = System.nanoTime() - before - SLEEP_NANOS;
            if (running) {
                LatencyRecorder.record(recorder, late);
            }
        }
    }
}
