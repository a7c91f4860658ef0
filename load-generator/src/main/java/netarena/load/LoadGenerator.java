package netarena.load;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator: a {@link LoadPlan} in, a {@link LoadResult} out; this class is its controller
 * (phases, ticks, drain).
 *
 * <pre>{@code
 * LoadResult r = LoadGenerator.run(LoadPlan.to("127.0.0.1", 7000).with(new OpenLoop(10_000, Arrivals.CONSTANT))
 *         .withLimits(l -> l.withConnections(16, 1)).withBounds(b -> b.forDuration(Duration.ofSeconds(30))));
 * }</pre>
 *
 * <p>Threads: {@link #run} is the controller; it opens the connections, starts the event loops, then
 * every second samples the histograms (writing latency.hlog and a progress report), and ends the run:
 * sending stops at the end of the duration or request budget (or at {@link #stop}), answers still
 * outstanding get {@link LoadBounds#drain} to arrive, then the loops tally and close. Nothing waits
 * unbounded: past warmup + duration + drain + {@value #HARD_STOP_GRACE_MILLIS} ms the controller ends the
 * run whatever the loops are doing. The event loops ({@code netarena-load-N}, daemon) do all socket work
 * (see {@link LoadLoop}); a probe thread watches for hiccups (see {@link HiccupProbe}). What the loops
 * count becomes the result's counts in {@link LoadTally}.
 *
 * <p>A run happens once per instance.
 */
public final class LoadGenerator {

    /** The names of the event loops' threads start with this; the measuring side tells them apart by it. */
    public static final String LOOP_THREAD_PREFIX = "netarena-load";
    static final long TICK_NANOS = 1_000_000_000L;
    /** How often the warmup asks its {@link MeasuredPhaseListener} whether it may end. */
    static final long WARMUP_POLL_MILLIS = 100;
    static final long HARD_STOP_GRACE_MILLIS = 2_000;
    private static final long DRAIN_POLL_NANOS = 2_000_000L;
    /** From the end of a warmup at full speed to the schedule's first intended time: a loop's task latency. */
    static final long SCHEDULE_LEAD_NANOS = 1_000_000L;

    private final LoadPlan plan;
    private final StartGate gate;
    private final Consumer<LoadProgress> progress;
    private final MeasuredPhaseListener phases;
    private final AtomicBoolean ran = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile Thread controller;

    /**
     * @param plan     what to run
     * @param progress told once a second, on the controller thread, how the run goes
     */
    public LoadGenerator(LoadPlan plan, Consumer<LoadProgress> progress) {
        this(plan, StartGate.now(), progress, MeasuredPhaseListener.NONE);
    }

    /**
     * A run whose schedule starts at the gate's instant: one agent of a distributed run, whose plan's
     * {@link LoadLimits#slice} names its part of the whole run's schedule.
     *
     * @param gate     when the schedule starts ({@link StartGate#now()} for a run from one process)
     * @param progress told once a second, on the controller thread, how the run goes
     * @param phases   told, on the controller thread, when the measured phase starts and ends
     */
    public LoadGenerator(LoadPlan plan, StartGate gate, Consumer<LoadProgress> progress,
            MeasuredPhaseListener phases) {
        this.plan = plan;
        this.gate = gate;
        this.progress = progress;
        this.phases = phases;
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
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(plan.limits().threads(),
                new DefaultThreadFactory(LOOP_THREAD_PREFIX, true), transport.ioHandlerFactory());
        HiccupProbe hiccup = new HiccupProbe();
        try (IntervalLog hlog = plan.outDir() == null ? null : IntervalLog.in(plan.outDir())) {
            LoadResult result = new Run(group, transport, startedAt, hiccup, hlog).execute();
            if (hlog != null) {
                hlog.close();
            }
            if (plan.outDir() != null) {
                ResultFiles.write(result, plan.outDir());
            }
            return result;
        } finally {
            hiccup.stop();
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    /** One run's state, owned by the controller thread. */
    private final class Run {
        private final Transport transport;
        private final Instant startedAt;
        private final HiccupProbe hiccup;
        private final RunControl control;
        private final InetSocketAddress target;
        private final ConnectWait connectWait;
        private final LoadLoops loops;
        private final IntervalSampler sampler;
        private final List<String> invalidReasons = new ArrayList<>();
        private long measureStartNanos;
        private long cpuAtMeasureStartNanos = -1;
        private long cpuAtDrainEndNanos = -1;
        private boolean phaseEndTold;
        /** A warmup at full speed has handed over to the schedule. */
        private boolean pacingBegun;

        Run(MultiThreadIoEventLoopGroup group, Transport transport, Instant startedAt, HiccupProbe hiccup,
                IntervalLog hlog) {
            this.transport = transport;
            this.startedAt = startedAt;
            this.hiccup = hiccup;
            this.control = new RunControl(plan.bounds().requests(), Thread.currentThread());
            this.target = new InetSocketAddress(plan.target().host(), plan.target().port());
            this.connectWait = new ConnectWait(plan, control);
            this.loops = new LoadLoops(group, transport, plan, target, control, connectWait);
            this.sampler = new IntervalSampler(loops, hiccup, hlog, progress);
        }

        LoadResult execute() {
            if (target.isUnresolved()) {
                return finish("cannot resolve host " + plan.target().host());
            }
            loops.connectAll();
            String connectFailure = connectWait.await(() -> stopRequested);
            if (connectFailure != null || stopRequested) {
                return finish(connectFailure);
            }
            long t0 = gate.open();
            long warmupEnd = t0 + plan.bounds().warmup().toNanos();
            control.setMarks(t0, warmupEnd, warmupEnd + plan.bounds().duration().toNanos());
            loops.startAll();
            hiccup.start();
            sampler.start(t0);
            if (warmupEnd == t0) {
                beginMeasurement(t0);
            }
            drive();
            endMeasurement();
            cpuAtDrainEndNanos = MachineLimits.processCpuNanos();
            return finish(null);
        }

        /** The measured run: ticks, phase changes, the stop, the drain. Returns when it is time to finish. */
        private void drive() {
            long drainNanos = plan.bounds().drain().toNanos();
            // an agent that reached its start gate late may find its send end already past
            long hardStop = Math.max(control.sendEndNanos, System.nanoTime()) + drainNanos
                    + TimeUnit.MILLISECONDS.toNanos(HARD_STOP_GRACE_MILLIS);
            long nextTick = control.startNanos + TICK_NANOS;
            long drainUntil = Long.MAX_VALUE;
            long nextWarmupPoll = control.startNanos;
            CountDownLatch stopped = null;
            while (true) {
                long now = System.nanoTime();
                if (stopRequested) {
                    control.stopSending();
                    endMeasurement();
                    return;
                }
                if (!sampler.measuring() && now < control.warmupEndNanos && now >= nextWarmupPoll) {
                    nextWarmupPoll = now + TimeUnit.MILLISECONDS.toNanos(WARMUP_POLL_MILLIS);
                    if (phases.warmupMayEnd(sampler.warmupAnswers())) {
                        endWarmup(now);
                    }
                }
                if (!sampler.measuring() && now >= control.warmupEndNanos && measurementBegun(now)) {
                    nextTick = now + TICK_NANOS;
                }
                if (now >= nextTick) {
                    sampler.tick(now, true);
                    nextTick = Math.max(nextTick + TICK_NANOS, now + TICK_NANOS / 2);
                }
                if (drainUntil == Long.MAX_VALUE && (now >= control.sendEndNanos || control.budgetSpent())) {
                    control.stopSending();
                    endMeasurement();
                    drainUntil = now + drainNanos;
                    stopped = loops.barrier();
                }
                if (drainUntil != Long.MAX_VALUE && (drained(stopped) || now >= drainUntil)) {
                    return;
                }
                if (now >= hardStop) {
                    invalidReasons.add("the run hit its hard stop before the drain ended");
                    return;
                }
                parkUntil(Math.min(nextTick, hardStop), now, drainUntil);
            }
        }

        /**
         * The warmup's end has come: the measured phase begins, or, after a warmup at full speed that ran to
         * its planned end, the schedule is set to start a moment from now. True when the phase began.
         */
        private boolean measurementBegun(long now) {
            if (plan.warmsUpAtFullSpeed() && !pacingBegun) {
                endWarmup(now);
                return false;
            }
            sampler.tick(now, true); // the warmup's last progress line; its hiccups are dropped
            beginMeasurement(plan.warmsUpAtFullSpeed() ? control.scheduleOriginNanos : now);
            return true;
        }

        /**
         * Ends the warmup at {@code now}. A warmup at full speed hands over to the schedule, which starts
         * {@link #SCHEDULE_LEAD_NANOS} later so that every loop has begun pacing by its first intended time.
         */
        private void endWarmup(long now) {
            long duration = plan.bounds().duration().toNanos();
            if (plan.warmsUpAtFullSpeed()) {
                control.startScheduleAt(now + SCHEDULE_LEAD_NANOS, duration);
                loops.beginPacingAll();
                pacingBegun = true;
            } else {
                control.endWarmupAt(now, duration);
            }
        }

        /**
         * The count of outstanding requests means "drained" only once every loop has seen the stop: before
         * that, a loop may be between taking the last permit and sending.
         */
        private boolean drained(CountDownLatch stopped) {
            return stopped.getCount() == 0 && loops.outstanding() == 0;
        }

        /** Sleeps until {@code wakeAt}, the end of sending or of warmup, or the next drain poll, whichever is first. */
        private void parkUntil(long wakeAt, long now, long drainUntil) {
            wakeAt = Math.min(wakeAt, drainUntil != Long.MAX_VALUE ? now + DRAIN_POLL_NANOS : control.sendEndNanos);
            if (!sampler.measuring()) {
                wakeAt = Math.min(wakeAt, Math.min(control.warmupEndNanos,
                        now + TimeUnit.MILLISECONDS.toNanos(WARMUP_POLL_MILLIS)));
            }
            LockSupport.parkNanos(this, Math.max(0, wakeAt - System.nanoTime())); // a tick may have taken a while
        }

        private void beginMeasurement(long now) {
            cpuAtMeasureStartNanos = MachineLimits.processCpuNanos();
            measureStartNanos = now;
            sampler.beginMeasurement(now, "netarena load " + plan.target().hostPort() + " " + plan.requestLabel()
                    + ": latency from the intended send time, " + ResultFiles.HLOG_VALUE_UNIT);
            phases.measuredPhaseStarted();
        }

        /** Tells the listener, once, that sending stopped; only when the measured phase had begun. */
        private void endMeasurement() {
            if (sampler.measuring() && !phaseEndTold) {
                phaseEndTold = true;
                phases.measuredPhaseEnded();
            }
        }

        /** Stops the loops, takes the last samples and builds the result. */
        private LoadResult finish(String connectFailure) {
            control.stopSending();
            if (!loops.finishAll(HARD_STOP_GRACE_MILLIS)) {
                invalidReasons.add("event loops did not finish within " + HARD_STOP_GRACE_MILLIS + " ms of the stop");
            }
            hiccup.stop();
            if (connectFailure == null) {
                // the last interval goes into the histograms and the hlog; a progress line only if it is most of a second
                long now = System.nanoTime();
                sampler.tick(now, sampler.sinceLastTick(now) >= TICK_NANOS / 2);
            } else {
                sampler.sampleConnectsOnly();
            }
            return build(connectFailure);
        }

        private LoadResult build(String connectFailure) {
            LoadTally.Counts counts = sampler.tally().counts(plan.limits().connections(), loops.finishFigures());
            double measuredSeconds = measuredSeconds();
            boolean measured = sampler.measuring();
            double cpuSeconds = measured && cpuAtMeasureStartNanos >= 0 && cpuAtDrainEndNanos >= 0
                    ? (cpuAtDrainEndNanos - cpuAtMeasureStartNanos) / 1e9 : -1;
            if (connectFailure == null) {
                invalidReasons.addAll(LagJudge.judge(LagJudge.Evidence.of(plan, sampler.latency(), sampler.sendLag(),
                        sampler.hiccups(), measuredSeconds, counts.requests().sent(), cpuSeconds)));
            }
            return new LoadResult(plan, startedAt, LoadResult.Environment.current(transport.name()), connectFailure,
                    stopRequested, List.copyOf(invalidReasons), measuredSeconds, cpuSeconds, counts.requests(),
                    counts.warmup(), counts.errors(), counts.connections(), sampler.latency().copy(),
                    sampler.service().copy(), sampler.sendLag().copy(), sampler.hiccups().copy(),
                    sampler.connect().copy(), counts.mismatchSamples());
        }

        /** From the start of the measured phase until sending stopped (the time bound, the stop or the budget). */
        private double measuredSeconds() {
            if (!sampler.measuring()) {
                return 0;
            }
            long sendStop = Math.min(control.sendEndNanos, control.sendStoppedAtNanos());
            if (control.budgetSpent()) {
                sendStop = Math.min(sendStop, control.budgetSpentAtNanos());
            }
            return Math.max(0, (sendStop - measureStartNanos) / 1e9);
        }
    }
}
