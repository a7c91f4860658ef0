package netarena.experiments.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
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
import netarena.experiments.sweep.PlanReader;
import netarena.experiments.sweep.SweepExperiment;
import netarena.experiments.sweep.SweepPlan;
import netarena.results.run.CellKey;
import netarena.results.run.RunFolder;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Correction;
import netarena.results.stats.MinimumDetectableChange;
import netarena.results.stats.WilcoxonSignedRankTest;

/**
 * {@code netarena ab} up to the comparison: one plan measured for two builds into
 * {@code <runs>/<time>-ab/{baseline,candidate}/} (or {@code -calibrate/{baseline,baseline-again}/}), each
 * side's folder with its manifest and report. Comparing them is the results module's. Runs on the calling
 * thread; progress lines go to {@code progress}.
 */
public final class AbExperiment {

    /**
     * The two sides of a run.
     *
     * @param baseline  build A
     * @param candidate build B; the baseline again in a calibration
     * @param calibrate whether this is an A/A run that measures the noise floor
     */
    public record Sides(ServerBuild baseline, ServerBuild candidate, boolean calibrate) {

        ServerBuild of(Side side) {
            return side == Side.BASELINE ? baseline : candidate;
        }

        String folder(Side side) {
            return calibrate && side == Side.CANDIDATE ? "baseline-again" : side.label();
        }
    }

    /** The measured run: the {@code ab} folder and each side's run folder in it. */
    public record Runs(RunFolder ab, Map<Side, RunFolder> sides) {

        public Path baseline() {
            return sides.get(Side.BASELINE).dir();
        }

        public Path candidate() {
            return sides.get(Side.CANDIDATE).dir();
        }
    }

    private AbExperiment() {
    }

    /** Metrics a comparison of {@code cells} decides: 5 for a closed-loop cell, 4 for an open-loop one. */
    public static int metrics(List<CellKey> cells) {
        return cells.stream().mapToInt(c -> c.openLoop() ? 4 : 5).sum();
    }

    /**
     * The fewest repetitions per side with which the exact test can reach significance over those metrics:
     * the signed-rank test's when the sides are analysed in pairs, the rank-sum test's when independent.
     */
    public static int neededRepetitions(List<CellKey> cells, ComparisonConfig config, boolean paired) {
        int family = config.correction() == Correction.NONE ? 1 : metrics(cells);
        return paired ? WilcoxonSignedRankTest.minimumPairs(family, config.alpha())
                : MinimumDetectableChange.minimumRepetitionsPerSide(family, config.alpha());
    }

    /** Measures {@code plan} (its repeat per side) on both sides; returns the folders, reports written. */
    public static Runs run(SweepPlan plan, Sides sides, String command, RunnerSettings settings, PrintStream progress)
            throws IOException {
        List<CellKey> cells = SweepExperiment.cells(plan);
        RunStart start = RunStart.begin(settings, sides.calibrate() ? "calibrate" : "ab");
        Map<Side, RunFolder> runs = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            RunFolder run = RunFolder.open(Files.createDirectories(start.run().dir().resolve(sides.folder(side))));
            run.writeManifest(start.manifest(start.run().runId() + "/" + sides.folder(side), "ab", command,
                    PlanReader.asMap(plan), knobs(sides, side, settings.serverJvmFlags())));
            runs.put(side, run);
        }
        progress.printf(Locale.ROOT, "netarena ab: plan '%s', %d cells x %d repetitions x 2 sides, about %s, into %s%n"
                + "  baseline:  %s %s%n  %s: %s %s%n%s%n", plan.name(), cells.size(), plan.repeat(),
                estimate(plan, cells.size() * plan.repeat() * 2), start.run().dir(), sides.baseline().description(),
                sides.baseline().serverArgs(), sides.calibrate() ? "again    " : "candidate",
                sides.candidate().description(), sides.candidate().serverArgs(), start.pinning().description());
        CellMeasurement.Setup setup = start.setup(sides.baseline().jar(), SweepExperiment.seconds(plan.warmupSeconds()),
                SweepExperiment.seconds(plan.durationSeconds()));
        Map<Side, ServerBuild> builds = new EnumMap<>(Map.of(Side.BASELINE, sides.baseline(), Side.CANDIDATE,
                sides.candidate()));
        new AbRunner(cells, plan.repeat(), plan.seed(), setup, builds, progress)
                .run(runs, start.run().dir().resolve("generator-warmup"));
        for (RunFolder run : runs.values()) {
            finish(run, progress);
        }
        return new Runs(start.run(), runs);
    }

    /** Measurements times (warmup + duration + about 2.5 s for the JVM, the verify gate and the stop). */
    private static String estimate(SweepPlan plan, int measurements) {
        double seconds = measurements * (plan.warmupSeconds() + plan.durationSeconds() + 2.5);
        return seconds >= 120 ? Math.round(seconds / 60) + " minutes" : Math.round(seconds) + " s";
    }

    private static void finish(RunFolder run, PrintStream progress) {
        try {
            RunFinish.finish(run);
        } catch (IOException | RuntimeException e) {
            progress.println("netarena ab: warning: the report of " + run.dir() + " could not be written: "
                    + e.getMessage());
        }
    }

    private static Map<String, String> knobs(Sides sides, Side side, List<String> flags) {
        ServerBuild build = sides.of(side);
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("ab side", sides.calibrate() && side == Side.CANDIDATE ? "baseline again (calibration)" : side.label());
        knobs.put("server build", build.description());
        knobs.put("server extra args", build.serverArgs().isEmpty() ? "none" : String.join(" ", build.serverArgs()));
        knobs.put("server GC", Knobs.serverGc(flags));
        knobs.put("generator Netty", NettyFacts.describe());
        knobs.putAll(EnvironmentProbe.knobs());
        return knobs;
    }
}
