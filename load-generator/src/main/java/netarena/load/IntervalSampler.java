package netarena.load;

import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The run's histograms, sampled once a second: each tick takes the interval from every loop's recorders,
 * adds it to the run's totals, appends the latency interval to latency.hlog and reports progress.
 * Latency, service time and send lag hold measured requests only (the loops never record warmup ones),
 * so they are sampled from the start of the measured phase on and every sample is kept; the hiccups of
 * the warmup are sampled and dropped. Used by the controller thread only.
 */
final class IntervalSampler {

    private final IntervalCollector latency;
    private final IntervalCollector service;
    private final IntervalCollector sendLag;
    private final IntervalCollector connect;
    private final IntervalCollector hiccups;
    private final IntervalLog hlog;
    private final LoadTally tally;
    private final Consumer<LoadProgress> progress;
    private boolean measuring;
    private long phaseStartNanos;
    private long lastTickNanos;
    private long lastTickMillis;
    private long lastOk;

    /** @param hlog where latency intervals go, or null for none */
    IntervalSampler(LoadLoops loops, HiccupProbe hiccup, IntervalLog hlog, Consumer<LoadProgress> progress) {
        this.latency = new IntervalCollector(loops.recorders(r -> r.latency));
        this.service = new IntervalCollector(loops.recorders(r -> r.service));
        this.sendLag = new IntervalCollector(loops.recorders(r -> r.sendLag));
        this.connect = new IntervalCollector(loops.recorders(r -> r.connect));
        this.hiccups = new IntervalCollector(List.of(hiccup.recorder));
        this.hlog = hlog;
        this.tally = new LoadTally(loops.stats());
        this.progress = progress;
    }

    /** The warmup (or, without one, the measured phase) starts at {@code now}. */
    void start(long now) {
        phaseStartNanos = now;
        lastTickNanos = now;
        lastTickMillis = System.currentTimeMillis();
    }

    /** The measured phase starts at {@code now}; {@code header} heads latency.hlog. */
    void beginMeasurement(long now, String header) {
        measuring = true;
        start(now);
        lastOk = tally.sum(Count.OK, false);
        if (hlog != null) {
            hlog.begin(lastTickMillis, header);
        }
    }

    /** Verified answers to warmup requests so far. */
    long warmupAnswers() {
        return tally.sum(Count.OK, true);
    }

    boolean measuring() {
        return measuring;
    }

    /** The interval that ended at {@code now}; a progress line when {@code report}. */
    void tick(long now, boolean report) {
        long nowMillis = System.currentTimeMillis();
        Histogram interval = null;
        if (measuring) {
            interval = latency.sample(true);
            service.sample(true);
            sendLag.sample(true);
            if (hlog != null) {
                hlog.append(interval, lastTickMillis, nowMillis);
            }
        }
        hiccups.sample(measuring);
        connect.sample(true);
        long ok = tally.sum(Count.OK, !measuring);
        if (report) {
            double rate = (ok - lastOk) / Math.max(1e-9, (now - lastTickNanos) / 1e9);
            boolean any = interval != null && interval.getTotalCount() > 0;
            progress.accept(new LoadProgress((now - phaseStartNanos) / 1e9, !measuring, rate,
                    any ? interval.getValueAtPercentile(50) : 0, any ? interval.getValueAtPercentile(99) : 0,
                    tally.errorsSoFar()));
        }
        lastOk = ok;
        lastTickNanos = now;
        lastTickMillis = nowMillis;
    }

    /** Nanoseconds since the last tick. */
    long sinceLastTick(long now) {
        return now - lastTickNanos;
    }

    /** A run that never started: only the connect times count. */
    void sampleConnectsOnly() {
        connect.sample(true);
    }

    LoadTally tally() {
        return tally;
    }

    Histogram latency() {
        return latency.total();
    }

    Histogram service() {
        return service.total();
    }

    Histogram sendLag() {
        return sendLag.total();
    }

    Histogram connect() {
        return connect.total();
    }

    Histogram hiccups() {
        return hiccups.total();
    }
}
