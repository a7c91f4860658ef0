package netarena.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.cell.Pinning;
import netarena.experiments.sweep.PlanExpander;
import netarena.experiments.sweep.PlanReader;
import netarena.experiments.sweep.SweepPlan;
import netarena.experiments.sweep.SweepRunner;
import netarena.results.run.CellKey;
import netarena.results.run.RunFolder;
import netarena.server.ServerModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netarena sweep}: measures a plan of models x io-threads x workers x connections x ops, each
 * server in its own JVM, and leaves {@code results/runs/<id>/} with the report.
 */
@Command(name = "sweep", description = {
    "Measure every model under the same verified load and write a run folder with report.html.",
    "Each server runs in its own JVM (netarena serve); this process is the load generator."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run folder and its report are written, whatever each cell's status (OK, INVALID or FAILED, "
                    + "with the reason, in results.csv and summary.md); a sweep measures, compare and ab judge",
            "1:the sweep could not run to the end",
            "2:invalid options or plan"})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "The small embedded plan (about 3 minutes on 2 cores).")
    boolean quick;

    @Option(names = "--plan", description = "A YAML plan file instead of the embedded default plan (see docs/SWEEP.md).")
    Path planFile;

    @Option(names = "--repeat", description = "Measurements per cell, interleaved; overrides the plan's repeat.")
    Integer repeat;

    @Mixin
    RunnerOptions runner;

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = planFile != null ? PlanReader.read(planFile) : PlanReader.embedded(quick ? "quick" : "default");
        if (repeat != null) {
            plan = plan.withRepeat(repeat);
        }
        List<String> available = ServerModel.availableModels().stream().map(ServerModel::label).toList();
        List<CellKey> cells = PlanExpander.cells(plan, available, ServerModel::isLabel);
        // read the machine before pinning: once pinned, this process sees only its own CPUs
        var environment = EnvironmentProbe.environment();
        Pinning pinning = runner.pin();
        List<String> flags = runner.serverJvmFlagList();

        RunFolder run = runner.newRun("sweep");
        run.writeManifest(SweepRunner.manifest(run, "netarena sweep " + String.join(" ", commandArgs()), plan,
                environment, EnvironmentProbe.gitCommit(), pinning, flags, EnvironmentProbe.jvmFlags(),
                knobs(flags)));
        System.err.printf("netarena sweep: plan '%s', %d cells x %d repetitions, into %s%n%s%n", plan.name(), cells.size(),
                plan.repeat(), run.dir(), pinning.description());

        CellMeasurement.Setup setup = new CellMeasurement.Setup(javaBinary(), ownJar(), flags, pinning,
                Duration.ofMillis((long) (plan.warmupSeconds() * 1000)),
                Duration.ofMillis((long) (plan.durationSeconds() * 1000)), runner.generatorThreads);
        new SweepRunner(plan, cells, setup, System.err).run(run);
        SweepFinish.finish(run);
        System.out.println("report: " + run.dir().resolve("report.html"));
        return 0;
    }

    private List<String> commandArgs() {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        if (planFile != null) {
            args.addAll(List.of("--plan", planFile.toString()));
        }
        if (repeat != null) {
            args.addAll(List.of("--repeat", repeat.toString()));
        }
        if (runner.noPin) {
            args.add("--no-pin");
        }
        return args;
    }

    /** The settings that change a server's results without showing in its command line. */
    private static Map<String, String> knobs(List<String> serverFlags) {
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("server GC", serverFlags.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).findFirst()
                .orElse("JVM default (G1)"));
        knobs.put("virtual-thread scheduler parallelism",
                "= --io-threads of each virtual cell (jdk.virtualThreadScheduler.parallelism; 0 = CPU count)");
        knobs.put("sun.nio.ch properties", serverFlags.stream().filter(f -> f.startsWith("-Dsun.nio.ch.")).toList()
                .toString().replace("[]", "JDK defaults"));
        knobs.put("Netty", NettyFacts.describe());
        knobs.putAll(EnvironmentProbe.knobs());
        return knobs;
    }

    private static Path javaBinary() {
        return Path.of(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
    }

    private static Path ownJar() throws Exception {
        return Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
