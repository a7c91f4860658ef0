package netarena.experiments.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import netarena.results.run.CellKey;
import netarena.results.run.RunFolder;
import netarena.server.ServerModel;

/**
 * {@code netarena sweep} from a plan to a finished run folder: the cells every model available here gives (or
 * the one external target, verified before anything is written), the run folder with its manifest, every
 * measurement ({@link SweepRunner}), then the report. Servers start from the jar this runs from. Runs on the calling thread; progress lines go to {@code progress}.
 */
public final class SweepExperiment {

    private SweepExperiment() {
    }

    /** The plan's cells over the models available here, in plan order. */
    public static List<CellKey> cells(SweepPlan plan) {
        List<String> available = ServerModel.availableModels().stream().map(ServerModel::label).toList();
        return PlanExpander.cells(plan, available, ServerModel::isLabel);
    }

    /**
     * @param asked   the plan; with the settings' target, its models axis is that target ({@link SweepPlan#forTarget})
     * @param command the command line, for the manifest; returns the finished run folder
     * @throws TargetFailedException when the settings' target cannot be connected to or fails the verify gate;
     *                               nothing is written then
     */
    public static RunFolder run(SweepPlan asked, String command, RunnerSettings settings, PrintStream progress)
            throws IOException {
        ExternalTarget target = settings.target();
        SweepPlan plan = target == null ? asked : asked.forTarget(target.model());
        List<CellKey> cells = target == null ? cells(plan)
                : PlanExpander.cells(plan, plan.models(), target.model()::equals);
        if (target != null) {
            target.verify(WireProtocol.fromLabel(plan.protocol()), HttpRequestSpec.ROUTES);
        }
        RunStart start = RunStart.begin(settings, "sweep");
        RunFolder run = start.run();
        run.writeManifest(SweepRunner.manifest(start, command, plan, knobs(settings)));
        progress.printf(Locale.ROOT, "netarena sweep: plan '%s', %d cells x %d repetitions, into %s%n%s%n", plan.name(),
                cells.size(), plan.repeat(), run.dir(), start.pinning().description());
        CellMeasurement.Setup setup = start.setup(null, seconds(plan.warmupSeconds()), seconds(plan.durationSeconds()));
        new SweepRunner(plan, cells, setup, progress).run(run);
        RunFinish.finish(run);
        return run;
    }

    /** A plan's seconds (fractions allowed) as a duration, to the millisecond. */
    public static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    /** The settings that change a server's results without showing in its command line. */
    private static Map<String, String> knobs(RunnerSettings settings) {
        Map<String, String> knobs = new LinkedHashMap<>(Knobs.server(settings));
        if (settings.target() == null) {
            knobs.put("virtual-thread scheduler parallelism",
                    "= --io-threads of each virtual cell (jdk.virtualThreadScheduler.parallelism; 0 = CPU count)");
            knobs.put("sun.nio.ch properties", settings.serverJvmFlags().stream()
                    .filter(f -> f.startsWith("-Dsun.nio.ch.")).toList().toString().replace("[]", "JDK defaults"));
        }
        knobs.put("Netty", NettyFacts.describe());
        knobs.putAll(EnvironmentProbe.knobs());
        return knobs;
    }
}
