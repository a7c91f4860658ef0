package netarena.experiments.capacity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.run.EnvironmentProbe;
import netarena.experiments.run.Knobs;
import netarena.experiments.run.NettyFacts;
import netarena.experiments.run.RunFinish;
import netarena.experiments.run.RunStart;
import netarena.experiments.run.RunnerSettings;
import netarena.experiments.sut.ExternalTarget;
import netarena.experiments.sut.TargetFailedException;
import netarena.load.HttpRequestSpec;
import netarena.protocol.WireProtocol;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityJson;
import netarena.results.capacity.Slo;
import netarena.results.report.CapacitySection;
import netarena.results.report.ReportWriter;
import netarena.results.run.RunFolder;

/**
 * {@code netarena capacity} from its questions to a finished run folder: an external target's verify gate
 * (before anything is written), the manifest, each question asked ({@link CapacityRunner}), then
 * {@code capacity.json} and the report with its capacity section. Runs on the
 * calling thread; progress lines go to {@code progress}.
 */
public final class CapacityExperiment {

    /**
     * The questions of one run; a null question is not asked.
     *
     * @param slo         the latency SLO, or null
     * @param sloText     the SLO as the user wrote it
     * @param maxErrors   the failed-request share the SLO allows, for the manifest
     * @param search      the SLO search's settings
     * @param repeats     extra probes at each end of the bracket
     * @param rechecks    probes again a failing step before it counts
     * @param connections closed-loop connection counts for the USL fit, or null
     * @param poolForRate the rate to size a worker pool for (with the SLO), or null
     * @param serviceRate the low rate at which the pool's service time is measured
     */
    public record Questions(Slo slo, String sloText, double maxErrors, SearchConfig search, int repeats, int rechecks,
            List<Integer> connections, Double poolForRate, double serviceRate) {
    }

    /** A finished run: its folder, its answer and its report. */
    public record Done(RunFolder run, CapacityAnswer answer, Path json, Path html) {
    }

    private CapacityExperiment() {
    }

    /**
     * @param command the command line, for the manifest
     * @throws TargetFailedException when the runner's target cannot be connected to or fails the verify gate;
     *                               nothing is written then
     */
    public static Done run(CapacityRunner.Settings asked, Questions q, String command, RunnerSettings runner,
            PrintStream progress) throws IOException {
        CapacityRunner.Settings settings = q.slo() == null ? asked : asked.lagBoundedBy(q.slo());
        ExternalTarget target = runner.target();
        if (target != null) {
            if (q.poolForRate() != null) {
                throw new IllegalArgumentException("the pool question sets the server's workers and reads its stop "
                        + "line: it needs a launched server, not the target " + target.hostPort());
            }
            target.verify(WireProtocol.fromLabel(settings.protocol()), settings.http());
        }
        RunStart start = RunStart.begin(runner, "capacity");
        RunFolder run = start.run();
        run.writeManifest(start.manifest(run.runId(), "capacity", command, plan(settings, q, target),
                knobs(runner)));
        progress.println("netarena capacity: " + settings.subject(q.poolForRate() != null) + ", into " + run.dir()
                + "\n" + start.pinning().description());
        CellMeasurement.Setup setup = start.setup(null, settings.stepWarmup(), settings.step());
        CapacityAnswer answer = answer(new CapacityRunner(settings, setup, run.dir(), progress), settings, q);
        Path json = run.dir().resolve("capacity.json");
        RunFolder.writeAtomically(json, CapacityJson.render(answer));
        RunFinish.stamp(run);
        ReportWriter.Written written = ReportWriter.write(run.dir(), List.of(CapacitySection.of(answer)));
        return new Done(run, answer, json, written.html());
    }

    private static CapacityAnswer answer(CapacityRunner runner, CapacityRunner.Settings settings, Questions q)
            throws IOException {
        CapacityAnswer.SloAnswer slo = q.slo() != null && q.poolForRate() == null
                ? runner.slo(q.slo(), q.sloText(), q.search(), q.repeats(), q.rechecks()) : null;
        CapacityAnswer.ScalingAnswer scaling = q.connections() != null ? runner.scaling(q.connections()) : null;
        CapacityAnswer.PoolAnswer pool = q.poolForRate() != null
                ? runner.pool(q.poolForRate(), q.slo(), q.sloText(), q.serviceRate()) : null;
        return new CapacityAnswer(settings.subject(q.poolForRate() != null), slo, scaling, pool);
    }

    private static Map<String, Object> plan(CapacityRunner.Settings s, Questions q, ExternalTarget target) {
        Map<String, Object> plan = new LinkedHashMap<>();
        if (target != null) {
            plan.put("target", target.hostPort());
        } else {
            plan.put("model", s.model());
            plan.put("ioThreads", s.ioThreads());
            plan.put("workers", s.workers());
            plan.put("workerPool", s.workerPool());
        }
        plan.put("op", s.op());
        plan.put("sizeBytes", s.sizeBytes());
        plan.put("arg", s.arg());
        plan.put("protocol", s.protocol());
        if (!s.http().equals(HttpRequestSpec.ROUTES)) {
            plan.put("http", s.http());
        }
        plan.put("slo", q.sloText());
        plan.put("maxErrors", q.maxErrors());
        plan.put("startRate", q.search().startRatePerSecond());
        plan.put("maxRate", q.search().maxRatePerSecond());
        plan.put("resolution", q.search().relativeResolution());
        plan.put("repeats", q.repeats());
        plan.put("rechecks", q.rechecks());
        plan.put("connections", q.connections());
        plan.put("poolForRate", q.poolForRate());
        plan.put("rateConnections", s.rateConnections());
        plan.put("step", s.step().toString());
        plan.put("stepWarmup", s.stepWarmup().toString());
        plan.put("serverWarmup", s.serverWarmup().toString());
        plan.put("maxLag", s.maxLag().toString());
        plan.put("maxLagShare", s.maxLagShare());
        plan.put("generatorThreads", s.generatorThreads());
        return plan;
    }

    private static Map<String, String> knobs(RunnerSettings runner) {
        Map<String, String> knobs = new LinkedHashMap<>(Knobs.server(runner));
        knobs.put("Netty", NettyFacts.describe());
        knobs.putAll(EnvironmentProbe.knobs());
        return knobs;
    }
}
