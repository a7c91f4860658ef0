package netarena.experiments.cost;

import java.util.OptionalLong;
import java.util.function.Predicate;

import netarena.load.LoadGenerator;
import netarena.load.MeasuredPhaseListener;
import netarena.results.run.CpuSplit;

/**
 * The CPU the server and the generator spent over a run's measured phase, thread by thread: read when the
 * generator says the phase starts and when it says sending stopped, and nowhere in between, so that no
 * reading runs on the generator's core while it measures. Before that it judges the warmup
 * ({@link WarmupRule}: enough answers and quiet compilers in both JVMs). Without the server's process (an
 * external target) only the generator is read: the server's figures are unknown, and since its compilers
 * cannot be seen the warmup runs to its longest. Called on the generator's controller thread; the figures are
 * read after the run.
 */
public final class PhaseCost implements MeasuredPhaseListener {

    private static final Predicate<String> GENERATOR_REQUEST_THREADS =
            name -> name.startsWith(LoadGenerator.LOOP_THREAD_PREFIX);
    private static final double NANOS_PER_MICRO = 1_000;

    private final OptionalLong serverPid;
    private final WarmupJudge warmup;
    private WarmupTaken warmupTaken = WarmupTaken.NONE;
    private ThreadTimes serverAtStart;
    private ThreadTimes generatorAtStart;
    private ThreadTimes.Delta serverDelta;
    private ThreadTimes.Delta generatorDelta;
    private ProcStats serverAtEnd;
    private long phaseStartNanos;
    private long phaseEndNanos;

    /**
     * @param serverPid the server's process, empty when it is not ours to read
     * @param warmup    when the warmup may end, before the plan's warmup time, which bounds it
     */
    public PhaseCost(OptionalLong serverPid, WarmupRule warmup) {
        this.serverPid = serverPid;
        this.warmup = new WarmupJudge(warmup, () -> serverPid.isPresent() ? jitNanos(serverPid.getAsLong()) : -1,
                () -> jitNanos(ProcessHandle.current().pid()));
    }

    @Override
    public boolean warmupMayEnd(long warmupAnswers) {
        return warmup.mayEnd(warmupAnswers, System.nanoTime());
    }

    @Override
    public void measuredPhaseStarted() {
        phaseStartNanos = System.nanoTime();
        warmupTaken = warmup.taken(phaseStartNanos);
        serverAtStart = readServer();
        generatorAtStart = ThreadTimes.readSelf();
    }

    @Override
    public void measuredPhaseEnded() {
        phaseEndNanos = System.nanoTime();
        ThreadTimes server = readServer();
        ThreadTimes generator = ThreadTimes.readSelf();
        serverAtEnd = serverPid.isPresent() ? ProcStats.read(serverPid.getAsLong()) : null;
        serverDelta = server == null || serverAtStart == null ? null
                : server.since(serverAtStart, ThreadRole::isServerRequestThread);
        generatorDelta = generator == null || generatorAtStart == null ? null
                : generator.since(generatorAtStart, GENERATOR_REQUEST_THREADS);
    }

    /** The server's CPU per request over the phase, {@code requests} being the answers it counted. */
    public CpuSplit server(long requests) {
        return split(serverDelta, requests);
    }

    /** The generator's (this JVM's) CPU per request over the phase. */
    public CpuSplit generator(long requests) {
        return split(generatorDelta, requests);
    }

    /** The server's context switches per request over the phase, every thread; NaN when unknown. */
    public double serverSwitchesPerRequest(long requests) {
        return serverDelta == null || requests == 0 ? Double.NaN : serverDelta.switches() / (double) requests;
    }

    /** The server's counters as the phase ended (RSS, peak RSS, threads), or null when unread. */
    public ProcStats serverAtEnd() {
        return serverAtEnd;
    }

    /**
     * The share of its cores the generator's JVM used over the measured phase, every thread (1.0 = all of
     * the CPUs it may run on, busy the whole phase); NaN when unknown.
     */
    public double generatorCoreShare() {
        int cores = ProcStats.allowedCpus(ProcessHandle.current().pid());
        long wall = phaseEndNanos - phaseStartNanos;
        if (generatorDelta == null || cores <= 0 || wall <= 0) {
            return Double.NaN;
        }
        long busy = 0;
        for (ThreadRole role : ThreadRole.values()) {
            busy += generatorDelta.nanos(role);
        }
        return busy / ((double) wall * cores);
    }

    /** What the warmup took; {@link WarmupTaken#NONE} when the run had none. */
    public WarmupTaken warmupTaken() {
        return warmupTaken;
    }

    /** The server's threads now; null when /proc cannot say or the process is not ours. */
    private ThreadTimes readServer() {
        return serverPid.isPresent() ? ThreadTimes.read(serverPid.getAsLong()) : null;
    }

    /** The compiler threads' CPU of {@code pid} so far, ns; -1 when /proc cannot say. */
    private static long jitNanos(long pid) {
        ThreadTimes t = ThreadTimes.read(pid);
        return t == null ? -1 : t.nanos(ThreadRole.JIT);
    }

    private static CpuSplit split(ThreadTimes.Delta d, long requests) {
        if (d == null || requests == 0) {
            return CpuSplit.unknown();
        }
        double per = NANOS_PER_MICRO * requests;
        return new CpuSplit(d.nanos(ThreadRole.REQUEST) / per, d.nanos(ThreadRole.JIT) / per,
                d.nanos(ThreadRole.GC) / per, d.nanos(ThreadRole.OTHER) / per);
    }
}
