package netarena.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The load generator: a {@link LoadPlan} in, a {@link LoadResult} out. The central engine, and the one
 * file allowed to be long.
 *
 * <pre>{@code
 * LoadResult r = LoadGenerator.run(LoadPlan.to("127.0.0.1", 7000).withRate(10_000, Arrivals.CONSTANT)
 *         .withConnections(16, 1).withDuration(Duration.ofSeconds(30)));
 * }</pre>
 *
 * <p>Threads: {@link #run} is the controller; it opens the connections, starts the event loops, then
 * every second samples the histograms (writing latency.hlog and a progress report), and ends the run:
 * sending stops at the end of the duration or request budget (or at {@link #stop}), answers still
 * outstanding get {@link LoadPlan#drain} to arrive, then the loops tally and close. Nothing waits
 * unbounded: past warmup + duration + drain + {@value #HARD_STOP_GRACE_MILLIS} ms the controller ends the
 * run whatever the loops are doing. The event loops ({@code netarena-load-N}, daemon) do all socket work
 * (see {@link LoadLoop}); a probe thread watches for hiccups (see {@link HiccupProbe}).
 *
 * <p>A run happens once per instance.
 */
public final class LoadGenerator {

    static final long TICK_NANOS = 1_000_000_000L;
    static final long HARD_STOP_GRACE_MILLIS = 2_000;
    private static final long DRAIN_POLL_NANOS = 2_000_000L;
    private static final long CONNECT_POLL_NANOS = 5_000_000L;

    private final LoadPlan plan;
    private final Consumer<LoadProgress> progress;
    private final AtomicBoolean ran = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile Thread controller;

    /**
     * @param plan     what to run
     * @param progress told once a second, on the controller thread, how the run goes
     */
    public LoadGenerator(LoadPlan plan, Consumer<LoadProgress> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Runs {@code plan} with no progress reports; blocks until the result is ready. */
    public static LoadResult run(LoadPlan plan) {
        return new LoadGenerator(plan, p -> { }).run();
    }

    /**
     * Ends the run early, from any thread (a signal handler, say): sending stops at once, nothing is
     * drained, and the result, marked partial, holds what was measured.
     */
    public void stop() {
        stopRequested = true;
        Thread t = controller;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Runs the plan on the calling thread and returns what it measured; writes the result files when the
     * plan names an output directory.
     *
     * @throws IllegalArgumentException when the plan asks for more than this machine can open
     * @throws java.io.UncheckedIOException when the result files cannot be written
     */
    public LoadResult run() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("a LoadGenerator runs once; make another for another run");
        }
        MachineLimits.check(plan);
        controller = Thread.currentThread();
        Instant startedAt = Instant.now();
        Transport transport = Transport.best();
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.threads(),
                new DefaultThreadFactory("netarena-load", true), transport.ioHandlerFactory());
        IntervalLog hlog = null;
        Run run = null;
        try {
            if (plan.outDir() != null) {
                Files.createDirectories(plan.outDir());
                hlog = new IntervalLog(plan.outDir());
            }
            run = new Run(group, transport, startedAt, hlog);
            LoadResult result = run.execute();
            if (hlog != null) {
                hlog.close();
                hlog = null;
            }
            if (plan.outDir() != null) {
                ResultFiles.write(result, plan.outDir());
            }
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + plan.outDir() + ": " + e.getMessage(), e);
        } finally {
            if (run != null) {
                run.hiccup.stop();
            }
            if (hlog != null) {
                hlog.close();
            }
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    /** One run's state, owned by the controller thread. */
    private final class Run implements LoadLoop.ConnectListener {
        private final Transport transport;
        private final Instant startedAt;
        private final IntervalLog hlog;
        private final RunControl control;
        private final InetSocketAddress target;
        private final List<LoadLoop> loops = new ArrayList<>();
        private final HiccupProbe hiccup = new HiccupProbe();
        private final IntervalCollector latency;
        private final IntervalCollector service;
        private final IntervalCollector sendLag;
        private final IntervalCollector connect;
        private final IntervalCollector hiccups;
        private final AtomicInteger established = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final List<String> invalidReasons = new ArrayList<>();
        private boolean measuring;
        private long measureStartNanos;
        private long lastTickMillis;
        private long lastOk;
        private long lastTickNanos;
        private long cpuAtMeasureStartNanos = -1;
        private long cpuAtDrainEndNanos = -1;

        Run(MultiThreadIoEventLoopGroup group, Transport transport, Instant startedAt, IntervalLog hlog) {
            this.transport = transport;
            this.startedAt = startedAt;
            this.hlog = hlog;
            this.control = new RunControl(plan.requests(), Thread.currentThread());
            this.target = new InetSocketAddress(plan.host(), plan.port());
            Bootstrap base = new Bootstrap()
                    .channel(transport.channelClass())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) plan.connectTimeout().toMillis());
            ClientProtocol.Factory protocols = ClientProtocol.factory(plan);
            for (EventExecutor executor : group) {
                EventLoop eventLoop = (EventLoop) executor;
                loops.add(new LoadLoop(eventLoop, base.clone(eventLoop), target, plan, control, protocols, this));
            }
            this.latency = collector(l -> l.recorders.latency);
            this.service = collector(l -> l.recorders.service);
            this.sendLag = collector(l -> l.recorders.sendLag);
            this.connect = collector(l -> l.recorders.connect);
            this.hiccups = new IntervalCollector(List.of(hiccup.recorder));
        }

        private IntervalCollector collector(Function<LoadLoop, SingleWriterRecorder> kind) {
            return new IntervalCollector(loops.stream().map(kind).toList());
        }

        @Override
        public void established(LoadConnection connection) {
            if (established.incrementAndGet() == plan.connections()) {
                control.wakeController();
            }
        }

        @Override
        public void failed(LoadConnection connection, Throwable cause) {
            // the reason first: the controller reads it as soon as it sees the count
            firstFailure.compareAndSet(null, describe(cause));
            failed.incrementAndGet();
            control.wakeController();
        }

        LoadResult execute() {
            if (target.isUnresolved()) {
                return finish("cannot resolve host " + plan.host());
            }
            for (int i = 0; i < plan.connections(); i++) {
                LoadLoop loop = loops.get(i % loops.size());
                loop.add(new LoadConnection(i, loop));
            }
            for (LoadLoop loop : loops) {
                loop.eventLoop.execute(loop::connectAll);
            }
            String connectFailure = awaitConnections();
            if (connectFailure != null || stopRequested) {
                return finish(connectFailure);
            }

            long t0 = System.nanoTime();
            long warmupEnd = t0 + plan.warmup().toNanos();
            control.setMarks(t0, warmupEnd, warmupEnd + plan.duration().toNanos());
            for (LoadLoop loop : loops) {
                loop.eventLoop.execute(loop::start);
            }
            hiccup.start();
            lastTickNanos = t0;
            lastTickMillis = System.currentTimeMillis();
            if (warmupEnd == t0) {
                beginMeasurement(t0);
            }
            drive();
            cpuAtDrainEndNanos = MachineLimits.processCpuNanos();
            return finish(null);
        }

        /** Null when every connection opened within the connect timeout, else why not. */
        private String awaitConnections() {
            long deadline = System.nanoTime() + plan.connectTimeout().toNanos();
            while (established.get() < plan.connections() && failed.get() == 0 && !stopRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, Math.min(left, CONNECT_POLL_NANOS));
            }
            int ok = established.get();
            if (ok == plan.connections() || stopRequested) {
                return null;
            }
            String why = failed.get() > 0 ? ": " + firstFailure.get() : " (no answer within --connect-timeout)";
            return String.format(Locale.ROOT, "established %d of %d connections to %s within %d ms%s", ok,
                    plan.connections(), plan.target(), plan.connectTimeout().toMillis(), why);
        }

        /** The measured run: ticks, phase changes, the stop, the drain. Returns when it is time to finish. */
        private void drive() {
            long hardStop = control.sendEndNanos + plan.drain().toNanos()
                    + TimeUnit.MILLISECONDS.toNanos(HARD_STOP_GRACE_MILLIS);
            long nextTick = control.startNanos + TICK_NANOS;
            long drainUntil = Long.MAX_VALUE;
            CountDownLatch stopped = null;
            while (true) {
                long now = System.nanoTime();
                if (stopRequested) {
                    control.stopSending();
                    return;
                }
                if (!measuring && now >= control.warmupEndNanos) {
                    tick(now); // the warmup's last progress line; its hiccups are dropped
                    beginMeasurement(now);
                    nextTick = now + TICK_NANOS;
                }
                if (now >= nextTick) {
                    tick(now);
                    nextTick = Math.max(nextTick + TICK_NANOS, now + TICK_NANOS / 2);
                }
                if (drainUntil == Long.MAX_VALUE && (now >= control.sendEndNanos || control.budgetSpent())) {
                    control.stopSending();
                    drainUntil = now + plan.drain().toNanos();
                    stopped = barrier();
                }
                // the count of outstanding requests means "drained" only once every loop has seen the stop:
                // before that, a loop may be between taking the last permit and sending
                if (drainUntil != Long.MAX_VALUE
                        && ((stopped.getCount() == 0 && outstanding() == 0) || now >= drainUntil)) {
                    return;
                }
                if (now >= hardStop) {
                    invalidReasons.add("the run hit its hard stop before the drain ended");
                    return;
                }
                long wakeAt = Math.min(nextTick, hardStop);
                wakeAt = Math.min(wakeAt, drainUntil != Long.MAX_VALUE ? now + DRAIN_POLL_NANOS : control.sendEndNanos);
                if (!measuring) {
                    wakeAt = Math.min(wakeAt, control.warmupEndNanos);
                }
                LockSupport.parkNanos(this, Math.max(0, wakeAt - System.nanoTime())); // a tick may have taken a while
            }
        }

        /** A latch each event loop counts down once it has run everything queued before it. */
        private CountDownLatch barrier() {
            CountDownLatch latch = new CountDownLatch(loops.size());
            for (LoadLoop loop : loops) {
                loop.eventLoop.execute(latch::countDown);
            }
            return latch;
        }

        private long outstanding() {
            long n = 0;
            for (LoadLoop loop : loops) {
                n += loop.outstanding.get();
            }
            return n;
        }

        private void beginMeasurement(long now) {
            cpuAtMeasureStartNanos = MachineLimits.processCpuNanos();
            measuring = true;
            measureStartNanos = now;
            lastTickNanos = now;
            lastTickMillis = System.currentTimeMillis();
            lastOk = sum(Count.OK, false);
            if (hlog != null) {
                hlog.begin(lastTickMillis, "netarena load " + plan.target() + " " + plan.requestLabel() + ": latency from "
                        + "the intended send time, microseconds");
            }
        }

        /**
         * Samples every histogram for the interval that just ended, writes it and reports progress. Latency,
         * service time and send lag hold measured requests only (the loops never record warmup ones), so
         * they are sampled from the start of the measured phase on and every sample is kept; the hiccups
         * of the warmup are sampled and dropped.
         */
        private void tick(long now) {
            tick(now, true);
        }

        private void tick(long now, boolean report) {
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
            long ok = sum(Count.OK, !measuring);
            double seconds = Math.max(1e-9, (now - lastTickNanos) / 1e9);
            double rate = (ok - lastOk) / seconds;
            double elapsed = (now - (measuring ? measureStartNanos : control.startNanos)) / 1e9;
            boolean any = interval != null && interval.getTotalCount() > 0;
            if (report) {
                progress.accept(new LoadProgress(elapsed, !measuring, rate,
                        any ? interval.getValueAtPercentile(50) : 0,
                        any ? interval.getValueAtPercentile(99) : 0, errorsSoFar()));
            }
            lastOk = ok;
            lastTickNanos = now;
            lastTickMillis = nowMillis;
        }

        private long sum(Count kind, boolean warmup) {
            long n = 0;
            for (LoadLoop loop : loops) {
                n += loop.counters.get(kind, warmup);
            }
            return n;
        }

        private long errorsSoFar() {
            long n = 0;
            for (Count k : new Count[] {Count.TIMEOUT, Count.LOST, Count.BAD_REQUEST, Count.BUSY, Count.MISMATCH,
                    Count.HTTP_STATUS}) {
                n += sum(k, false) + sum(k, true);
            }
            for (Count k : new Count[] {Count.CONNECT_FAILED, Count.CLOSED, Count.BAD_FRAME, Count.MALFORMED, Count.STRAY}) {
                n += sum(k, false);
            }
            return n;
        }

        /** Stops the loops, takes the last samples and builds the result. */
        private LoadResult finish(String connectFailure) {
            control.stopSending();
            CountDownLatch finished = new CountDownLatch(loops.size());
            for (LoadLoop loop : loops) {
                loop.eventLoop.execute(() -> {
                    try {
                        loop.finish();
                    } finally {
                        finished.countDown();
                    }
                });
            }
            boolean allFinished;
            try {
                allFinished = finished.await(HARD_STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                allFinished = false;
            }
            if (!allFinished) {
                invalidReasons.add("event loops did not finish within " + HARD_STOP_GRACE_MILLIS + " ms of the stop");
            }
            hiccup.stop();
            if (connectFailure == null) {
                // the last interval goes into the histograms and the hlog; a progress line only if it is most of a second
                long now = System.nanoTime();
                tick(now, now - lastTickNanos >= TICK_NANOS / 2);
            } else {
                connect.sample(true);
            }
            return build(connectFailure);
        }

        private LoadResult build(String connectFailure) {
            long inFlight = 0;
            long inFlightWarmup = 0;
            long unsent = 0;
            long openAtEnd = 0;
            List<String> samples = new ArrayList<>();
            for (LoadLoop loop : loops) {
                LoadLoop.FinishFigures f = loop.finishFigures;
                if (f != null) {
                    inFlight += f.inFlight();
                    inFlightWarmup += f.inFlightWarmup();
                    unsent += f.unsentBehindSchedule();
                    openAtEnd += f.openAtEnd();
                    for (String s : f.mismatchSamples()) {
                        if (samples.size() < 10) {
                            samples.add(s);
                        }
                    }
                }
            }
            long sendStop = Math.min(control.sendEndNanos, control.sendStoppedAtNanos());
            if (control.budgetSpent()) {
                sendStop = Math.min(sendStop, control.budgetSpentAtNanos());
            }
            double measuredSeconds = measuring ? Math.max(0, (sendStop - measureStartNanos) / 1e9) : 0;

            LoadResult.RequestCounts requests = requestCounts(false, inFlight, unsent + sum(Count.UNSENT, false));
            LoadResult.RequestCounts warmup = requestCounts(true, inFlightWarmup, sum(Count.UNSENT, true));
            LoadResult.ErrorCounts errors = new LoadResult.ErrorCounts(sum(Count.CONNECT_FAILED, false),
                    sum(Count.CLOSED, false), sum(Count.TIMEOUT, false), sum(Count.LOST, false),
                    sum(Count.BAD_REQUEST, false), sum(Count.BAD_FRAME, false), sum(Count.BUSY, false),
                    sum(Count.MISMATCH, false) + sum(Count.STRAY, false), sum(Count.MALFORMED, false),
                    sum(Count.HTTP_STATUS, false), httpStatusCounts());
            long reopened = sum(Count.REOPENED, false);
            LoadResult.ConnectionCounts connections = new LoadResult.ConnectionCounts(plan.connections(),
                    sum(Count.ESTABLISHED, false) - reopened, sum(Count.CONNECT_FAILED, false), reopened, openAtEnd,
                    sum(Count.SERVER_CLOSED, false));

            if (connectFailure == null) {
                judge(measuredSeconds, requests);
            }
            double cpuSeconds = measuring && cpuAtMeasureStartNanos >= 0 && cpuAtDrainEndNanos >= 0
                    ? (cpuAtDrainEndNanos - cpuAtMeasureStartNanos) / 1e9 : -1;
            return new LoadResult(plan, startedAt, environment(), connectFailure, stopRequested,
                    List.copyOf(invalidReasons), measuredSeconds, cpuSeconds, requests, warmup, errors, connections,
                    latency.total().copy(), service.total().copy(), sendLag.total().copy(), hiccups.total().copy(),
                    connect.total().copy(), List.copyOf(samples));
        }

        /** Marks the result invalid when the generator, not the server, shaped the figures. */
        private void judge(double measuredSeconds, LoadResult.RequestCounts requests) {
            long maxLagMicros = plan.maxLag().toNanos() / 1_000;
            Histogram h = hiccups.total();
            if (h.getTotalCount() > 0 && h.getValueAtPercentile(99) > maxLagMicros) {
                invalidReasons.add(String.format(Locale.ROOT, "generator hiccups: p99 %.3f ms is over --max-lag %.3f ms"
                        + " (max %.3f ms): GC, safepoints or CPU contention stalled the generator itself",
                        h.getValueAtPercentile(99) / 1000.0, maxLagMicros / 1000.0, h.getMaxValue() / 1000.0));
            }
            Histogram lag = sendLag.total();
            if (plan.openLoop() && lag.getTotalCount() > 0 && lag.getValueAtPercentile(99) > maxLagMicros) {
                double achieved = measuredSeconds > 0 ? requests.sent() / measuredSeconds : 0;
                invalidReasons.add(String.format(Locale.ROOT, "send lag: p99 %.3f ms is over --max-lag %.3f ms: the "
                        + "generator fell behind its schedule (sent %.1f of %d requests/s); add generator threads (load "
                        + "--threads; --generator-threads in sweep, ab and capacity) or lower the rate",
                        lag.getValueAtPercentile(99) / 1000.0, maxLagMicros / 1000.0, achieved, plan.ratePerSecond()));
            }
        }

        private LoadResult.RequestCounts requestCounts(boolean warmup, long inFlight, long unsent) {
            long failedRequests = sum(Count.TIMEOUT, warmup) + sum(Count.LOST, warmup) + sum(Count.BAD_REQUEST, warmup)
                    + sum(Count.BUSY, warmup) + sum(Count.MISMATCH, warmup) + sum(Count.HTTP_STATUS, warmup);
            return new LoadResult.RequestCounts(sum(Count.SENT, warmup), sum(Count.OK, warmup), failedRequests,
                    sum(Count.LATE, warmup), inFlight, unsent, sum(Count.RESENT, warmup));
        }

        /** HTTP answers to measured requests outside 2xx, by status code. */
        private SortedMap<Integer, Long> httpStatusCounts() {
            SortedMap<Integer, Long> byStatus = new TreeMap<>();
            if (sum(Count.HTTP_STATUS, false) == 0) {
                return byStatus;
            }
            for (int code = 100; code < 1000; code++) {
                long n = 0;
                for (LoadLoop loop : loops) {
                    n += loop.counters.status(code);
                }
                if (n > 0) {
                    byStatus.put(code, n);
                }
            }
            return byStatus;
        }

        private LoadResult.Environment environment() {
            return new LoadResult.Environment(System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), transport.name(), MachineLimits.maxOpenFiles());
        }
    }

    private static String describe(Throwable cause) {
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
