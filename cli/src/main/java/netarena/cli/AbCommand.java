package netarena.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import netarena.experiments.ab.AbExperiment;
import netarena.experiments.ab.ServerBuild;
import netarena.experiments.sweep.PlanReader;
import netarena.experiments.sweep.SweepExperiment;
import netarena.experiments.sweep.SweepPlan;
import netarena.results.compare.Calibration;
import netarena.results.compare.CalibrationFiles;
import netarena.results.compare.RunComparator;
import netarena.results.compare.RunComparison;
import netarena.results.compare.RunReader;
import netarena.results.run.CellKey;
import netarena.results.stats.ComparisonConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code netarena ab}: one plan measured for two builds of the servers, interleaved in ABBA blocks,
 * then compared; or, with {@code --calibrate}, the baseline against itself to measure the noise floor.
 * Writes {@code <runs>/<time>-ab/{baseline,candidate,compare}/} (or {@code -calibrate}).
 */
@Command(name = "ab", sortOptions = false,
        exitCodeOnExecutionException = RunComparison.EXIT_UNDECIDED,
        description = {
            "Measure one plan for two builds of the servers (two netarena jars, or two checkouts), every cell on both "
                    + "sides in randomized ABBA order, each server in its own JVM from its own jar, this process the "
                    + "load generator for both; then compare them (as netarena compare).",
            "--calibrate measures the baseline against itself: the noise floor of every metric and the smallest change "
                    + "these repetitions can detect (calibration.md, calibration.json). See docs/VERDICTS.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression (with --calibrate: calibrated, and the A/A comparison raised no false alarm)",
            "1:regression (with --calibrate: a false alarm; the threshold is too tight for this machine)",
            "2:a build or plan that cannot be used, or too little data to decide anything (with --calibrate: nothing could be calibrated)",
            "64:usage error"})
final class AbCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "JAR|CHECKOUT",
            description = "Build A: a netarena jar, or a checkout (its cli/target/netarena.jar, built once if missing).")
    Path baseline;

    @Option(names = "--candidate", paramLabel = "JAR|CHECKOUT", description = "Build B, as --baseline. Not with --calibrate.")
    Path candidate;

    @Option(names = "--baseline-server-args", defaultValue = "", paramLabel = "ARGS",
            description = "Extra arguments of every baseline server's 'netarena serve', e.g. \"--max-pipelined 64\".")
    String baselineServerArgs;

    @Option(names = "--candidate-server-args", defaultValue = "", paramLabel = "ARGS",
            description = "Extra arguments of every candidate server's 'netarena serve', e.g. \"--test-cost-micros 200\".")
    String candidateServerArgs;

    @Option(names = "--plan", description = "A YAML plan file (docs/SWEEP.md).")
    Path planFile;

    @Option(names = "--quick", description = "The small embedded plan (the default when no --plan is given).")
    boolean quick;

    @Option(names = "--repeat", description = "Repetitions per cell and side. Default: the plan's, raised to the "
            + "fewest with which the exact test can reach significance over this plan's metrics.")
    Integer repeat;

    @Option(names = "--unpaired", description = "Analyse the two sides as independent samples (Mann-Whitney, "
            + "two-sample bootstrap) instead of the pairs the ABBA order measured (Wilcoxon signed-rank, bootstrap of "
            + "the per-pair ratio); the paired analysis cancels drift but its exact test needs more pairs in a large "
            + "family of metrics.")
    boolean unpaired;

    @Option(names = "--calibrate", description = "Measure the baseline against itself (A/A) and report each metric's "
            + "noise floor and the smallest change detectable with these repetitions.")
    boolean calibrate;

    @Mixin
    ComparisonOptions statistics;

    @Mixin
    RunnerOptions runner;

    /** Fewer trials and resamples than a comparison's own: each detectable change is a Monte Carlo. */
    static final int CALIBRATION_TRIALS = 200;
    static final int CALIBRATION_RESAMPLES = 2_000;

    @Override
    public Integer call() throws Exception {
        if (calibrate == (candidate != null)) {
            throw new ParameterException(spec.commandLine(),
                    "give --candidate, or --calibrate to measure the baseline against itself");
        }
        if (quick && planFile != null) {
            throw new ParameterException(spec.commandLine(), "--quick and --plan are exclusive");
        }
        ComparisonConfig config = statistics.config(spec);
        SweepPlan plan = planFile != null ? PlanReader.read(planFile) : PlanReader.embedded("quick");
        List<CellKey> cells = SweepExperiment.cells(plan);
        int needed = AbExperiment.neededRepetitions(cells, config, !unpaired);
        int reps = repeat != null ? repeat : Math.max(plan.repeat(), needed);
        if (reps < 2) {
            throw new ParameterException(spec.commandLine(),
                    "--repeat must be at least 2 (a comparison needs 2 values per side)");
        }
        warnUpFront(cells.size(), AbExperiment.metrics(cells), needed, reps);
        ServerBuild a = ServerBuild.resolve(baseline, RunnerOptions.words(baselineServerArgs), System.err);
        ServerBuild b = calibrate ? a : ServerBuild.resolve(candidate, RunnerOptions.words(candidateServerArgs), System.err);
        AbExperiment.Runs runs = AbExperiment.run(plan.withRepeat(reps), new AbExperiment.Sides(a, b, calibrate),
                "netarena ab " + String.join(" ", commandArgs()), runner.settings(null), System.err);
        Path compareDir = runs.ab().dir().resolve("compare");
        if (!calibrate) {
            return CompareCommand.run(runs.baseline(), runs.candidate(), comparator(config), compareDir, System.out,
                    System.err);
        }
        return calibration(runs, config, compareDir);
    }

    /** The noise floor of an A/A run, then its comparison; a false alarm is exit 1. */
    private int calibration(AbExperiment.Runs runs, ComparisonConfig config, Path compareDir)
            throws IOException {
        Calibration calibration;
        try {
            calibration = Calibration.of(RunReader.read(runs.baseline()), RunReader.read(runs.candidate()),
                    config.withResamples(CALIBRATION_RESAMPLES), CALIBRATION_TRIALS);
        } catch (IllegalArgumentException e) {
            System.err.println("netarena ab: " + e.getMessage());
            return RunComparison.EXIT_UNDECIDED;
        }
        System.out.print(CalibrationFiles.write(calibration, runs.ab().dir()));
        System.out.println();
        System.err.println("netarena ab: wrote " + runs.ab().dir().resolve(CalibrationFiles.MARKDOWN) + " and "
                + CalibrationFiles.JSON + "; the A/A comparison follows (a REGRESSED or IMPROVED here is a false alarm)");
        int code = CompareCommand.run(runs.baseline(), runs.candidate(), comparator(config), compareDir, System.out,
                System.err);
        if (!calibration.calibrated()) {
            return RunComparison.EXIT_UNDECIDED;
        }
        // an A/A run that decides nothing (every metric within the noise) is a calibration, not a failure
        return code == RunComparison.EXIT_REGRESSION ? code : RunComparison.EXIT_NO_REGRESSION;
    }

    /**
     * Repetition r of a cell was measured on both sides back to back, in the same round of the ABBA
     * order: those two are a pair, and the paired analysis compares them with each other.
     */
    private RunComparator comparator(ComparisonConfig config) {
        RunComparator independent = new RunComparator(config);
        return unpaired ? independent : independent.paired();
    }

    private void warnUpFront(int cells, int metrics, int needed, int reps) {
        if (reps < needed) {
            System.err.printf(Locale.ROOT, "netarena ab: warning: %d repetitions per side cannot show a significant "
                    + "change among %d metrics (%d cells): the exact %s test needs at least %d. Every verdict will be "
                    + "INCONCLUSIVE%s.%n", reps, metrics, cells, unpaired ? "rank-sum" : "signed-rank", needed,
                    calibrate ? "; the noise floor is still measured" : "");
        } else if (reps < RunComparator.RECOMMENDED_REPETITIONS) {
            System.err.printf(Locale.ROOT, "netarena ab: warning: %d repetitions per side detect only large changes "
                    + "reliably; %d-10 are recommended (docs/VERDICTS.md)%n", reps, RunComparator.RECOMMENDED_REPETITIONS);
        }
    }

    private List<String> commandArgs() {
        List<String> args = new ArrayList<>(List.of("--baseline", baseline.toString()));
        if (candidate != null) {
            args.addAll(List.of("--candidate", candidate.toString()));
        }
        if (!baselineServerArgs.isBlank()) {
            args.addAll(List.of("--baseline-server-args", "\"" + baselineServerArgs + "\""));
        }
        if (!candidateServerArgs.isBlank()) {
            args.addAll(List.of("--candidate-server-args", "\"" + candidateServerArgs + "\""));
        }
        if (planFile != null) {
            args.addAll(List.of("--plan", planFile.toString()));
        } else {
            args.add("--quick");
        }
        if (repeat != null) {
            args.addAll(List.of("--repeat", repeat.toString()));
        }
        if (calibrate) {
            args.add("--calibrate");
        }
        if (runner.noPin) {
            args.add("--no-pin");
        }
        return args;
    }
}
