package netarena.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netarena.experiments.sut.ExternalTarget;
import netarena.experiments.sut.TargetFailedException;
import netarena.experiments.sweep.PlanReader;
import netarena.experiments.sweep.SweepExperiment;
import netarena.experiments.sweep.SweepPlan;
import netarena.results.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netarena sweep}: measures a plan of models x io-threads x workers x connections x ops, each
 * server in its own JVM ({@link SweepExperiment}), or one external target over connections x ops, and leaves
 * {@code results/runs/<id>/} with the report.
 */
@Command(name = "sweep", description = {
    "Measure every model under the same verified load and write a run folder with report.html.",
    "Each server runs in its own JVM (netarena serve); this process is the load generator.",
    "With --target HOST:PORT the plan's models axis is your server as it runs, its cells named target:HOST:PORT."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run folder and its report are written, whatever each cell's status (OK, INVALID or FAILED, "
                    + "with the reason, in results.csv and summary.md); a sweep measures, compare and ab judge",
            "1:the sweep could not run to the end",
            "2:a plan that cannot be read or run, or a --target that failed the verify gate",
            "3:could not connect to --target",
            "64:usage error"})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "The small embedded plan (about 3 minutes on 2 cores).")
    boolean quick;

    @Option(names = "--plan", description = "A YAML plan file instead of the embedded default plan (see docs/SWEEP.md).")
    Path planFile;

    @Option(names = "--repeat", description = "Measurements per cell, interleaved; overrides the plan's repeat.")
    Integer repeat;

    @Mixin
    TargetOptions target;

    @Mixin
    RunnerOptions runner;

    @Override
    public Integer call() throws Exception {
        ExternalTarget external = target.target(List.of("--server-jvm-flags"));
        SweepPlan plan = planFile != null ? PlanReader.read(planFile) : PlanReader.embedded(quick ? "quick" : "default");
        if (repeat != null) {
            plan = plan.withRepeat(repeat);
        }
        RunFolder run;
        try {
            run = SweepExperiment.run(plan, "netarena sweep " + String.join(" ", commandArgs()),
                    runner.settings(external), System.err);
        } catch (TargetFailedException e) {
            return TargetOptions.failed("sweep", e);
        }
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
        if (target.target != null) {
            args.addAll(List.of("--target", target.target));
        }
        if (runner.noPin) {
            args.add("--no-pin");
        }
        return args;
    }
}
