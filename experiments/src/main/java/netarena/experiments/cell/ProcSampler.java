package netarena.experiments.cell;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a server process's /proc counters every 100 ms while a measurement runs: the peak RSS and thread
 * count under load (the generator closes its connections before the end reading), and each thread's
 * context switches, so that threads which exit during the run (a thread-per-client server's, when its
 * connections close) still count. The timer thread samples; {@link #contextSwitches} may be called from
 * any thread.
 */
final class ProcSampler implements AutoCloseable {

    private final long pid;
    private final ScheduledExecutorService timer;
    private final SwitchTally switches = new SwitchTally();
    private boolean switchesKnown = true;
    private volatile long peakRssKb;
    private volatile int peakThreads;

    /** Starts sampling {@code pid}; the first sample is taken before this returns. */
    ProcSampler(long pid) {
        this.pid = pid;
        sample();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netarena-proc-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        ProcStats s = ProcStats.read(pid);
        if (s != null) {
            peakRssKb = Math.max(peakRssKb, s.rssKb());
            peakThreads = Math.max(peakThreads, s.threads());
        }
        Map<Long, Long> byThread = ProcStats.threadSwitches(pid);
        if (byThread == null) {
            switchesKnown = false;
        } else {
            switches.update(byThread);
        }
    }

    /**
     * Context switches of the process so far, every thread it has had since sampling began, read now; -1
     * when /proc could not say at some sample.
     */
    synchronized long contextSwitches() {
        sample();
        return switchesKnown ? switches.total() : -1;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    int peakThreads() {
        return peakThreads;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
