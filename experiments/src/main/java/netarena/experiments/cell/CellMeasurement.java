package netarena.experiments.cell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import netarena.experiments.cost.ConnectionMemory;
import netarena.experiments.cost.MemorySlope;
import netarena.experiments.cost.PhaseCost;
import netarena.experiments.cost.ProcStats;
import netarena.experiments.cost.WarmupRule;
import netarena.experiments.sut.LaunchedServers;
import netarena.experiments.sut.ServerRun;
import netarena.experiments.sut.ServerUnderTest;
import netarena.experiments.sut.VerifyGate;
import netarena.experiments.workload.LoadPlans;
import netarena.experiments.workload.Workload;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.StartGate;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Repetition;
import netarena.results.run.ServerCost;

/**
 * One measurement of one cell: a fresh server JVM (or the external target as it is), the verify gate, then one
 * generator run whose warmup and measured phase share the same connections and threads: the warmup lasts until
 * it has done its work ({@link WarmupRule}, at most {@link Setup#warmup}), then the server's and the
 * generator's threads are read at the start and end of the measured phase ({@link PhaseCost}), and the
 * server's memory per idle connection after it. What needs the server's process is unknown for a target.
 * Runs on the calling thread.
 */
public final class CellMeasurement {

    /**
     * @param server     the server measured: JVMs launched per cell (java, jar, JVM flags, pinning, extra
     *                   arguments), or an external target
     * @param warmup     the longest warmup before each measured phase (it ends sooner once warm)
     * @param duration   the measured run
     * @param generatorThreads event loops of the generator
     * @param idleConnectionsStep the N of the memory slope: idle connections at 0, N and 2N
     */
    public record Setup(ServerUnderTest server, Duration warmup, Duration duration, int generatorThreads,
            int idleConnectionsStep) {

        /** The same setup serving from another build's jar with other extra arguments (one side of an A/B run). */
        public Setup forServer(Path otherJar, List<String> otherServerArgs) {
            if (!(server instanceof LaunchedServers launched)) {
                throw new IllegalStateException("an A/B run launches each side's build; it cannot swap the build of "
                        + server);
            }
            return new Setup(launched.forBuild(otherJar, otherServerArgs), warmup, duration, generatorThreads,
                    idleConnectionsStep);
        }
    }

    /** Why a target's memory per connection is unknown, in its memory.json. */
    private static final String NOT_OUR_PROCESS = "an external target: netarena did not start its process and "
            + "reads nothing of it";

    private CellMeasurement() {
    }

    /** Measures one repetition of {@code cell} into {@code dir}, a folder of the run folder {@code runDir}. */
    public static Repetition measure(Setup setup, CellKey cell, int repetition, int order, Path dir, Path runDir)
            throws IOException {
        Files.createDirectories(dir);
        String resultDir = runDir.relativize(dir).toString();
        try (ServerRun server = setup.server().start(cell, dir)) {
            VerifyGate.Failure verifyFailure = VerifyGate.check(server.address(),
                    WireProtocol.fromLabel(cell.protocol()), HttpRequestSpec.ROUTES);
            if (verifyFailure != null) {
                return failed(cell, repetition, order, verifyFailure.reason(), resultDir);
            }
            LoadPlan plan = LoadPlans.plan(server.address(), Workload.of(cell), setup.generatorThreads())
                    .withBounds(b -> b.forDuration(setup.duration()).withWarmup(setup.warmup()));
            PhaseCost phase = new PhaseCost(server.pid(), WarmupRule.upTo(setup.warmup()));
            LoadResult result = new LoadGenerator(plan.withOutDir(dir), StartGate.now(), p -> { }, phase).run();
            phase.warmupTaken().writeTo(dir);
            MemorySlope memory = server.pid().isEmpty() ? MemorySlope.failed(NOT_OUR_PROCESS, List.of())
                    : ConnectionMemory.measure(server.address(), server.pid().getAsLong(),
                            WireProtocol.fromLabel(cell.protocol()), setup.idleConnectionsStep());
            memory.writeTo(dir);
            if (!server.alive()) {
                return failed(cell, repetition, order, "the server process died during the run; see "
                        + server.whereToLook(), resultDir);
            }
            return repetition(cell, repetition, order, result, cost(phase, result.requests().ok(), memory),
                    phase.generatorCoreShare(), resultDir);
        } catch (IOException | RuntimeException e) {
            return failed(cell, repetition, order, e.getMessage(), resultDir);
        }
    }

    /** What the measured phase cost (its {@code ok} answers) and what a connection costs. */
    private static ServerCost cost(PhaseCost phase, long ok, MemorySlope memory) {
        ProcStats end = phase.serverAtEnd();
        return new ServerCost(phase.server(ok), phase.generator(ok), phase.serverSwitchesPerRequest(ok),
                end == null ? -1 : end.peakRssKb(), end == null ? -1 : end.threads(), memory.rssKbPerConnection(),
                memory.heapKbPerConnection(), memory.nativeKbPerConnection());
    }

    /** @param generatorShare the share of its cores the generator used over the measured phase (NaN: unknown) */
    private static Repetition repetition(CellKey cell, int rep, int order, LoadResult r, ServerCost cost,
            double generatorShare, String resultDir) {
        CellStatus status;
        String reason;
        if (r.connectFailed()) {
            status = CellStatus.FAILED;
            reason = "connect failed: " + r.connectFailure();
        } else if (!r.valid()) {
            status = CellStatus.INVALID;
            reason = String.join("; ", r.invalidReasons());
        } else if (r.errorTotal() > 0) {
            status = CellStatus.FAILED;
            reason = r.errorTotal() + " errors: " + r.errors();
        } else if (!cell.openLoop() && generatorShare >= CellStatus.GENERATOR_BOUND_SHARE) {
            status = CellStatus.GENERATOR_BOUND;
            reason = String.format(Locale.ROOT, "the generator used %.0f%% of its cores: the throughput may be the "
                    + "generator's ceiling, not the server's", generatorShare * 100);
        } else {
            status = CellStatus.OK;
            reason = "";
        }
        var h = r.latency();
        return new Repetition(cell, rep, order, status, reason, r.okPerSecond(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), r.requests().ok(), r.errorTotal(), cost, resultDir);
    }

    private static Repetition failed(CellKey cell, int rep, int order, String reason, String resultDir) {
        return new Repetition(cell, rep, order, CellStatus.FAILED, reason, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, ServerCost.unknown(), resultDir);
    }
}
