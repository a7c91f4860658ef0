package netarena.cli.sweep;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a server process's /proc counters every 100 ms while a measurement runs, to catch the peak
 * RSS and thread count under load (the generator closes its connections before the end reading).
 */
final class ProcSampler implements AutoCloseable {

    private final long pid;
    private final ScheduledExecutorService timer;
    private volatile long peakRssKb;
    private volatile int peakThreads;

    ProcSampler(long pid) {
        this.pid = pid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netarena-proc-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        ProcStats s = ProcStats.read(pid);
        if (s != null) {
            peakRssKb = Math.max(peakRssKb, s.rssKb());
            peakThreads = Math.max(peakThreads, s.threads());
        }
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
