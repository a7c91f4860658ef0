package netarena.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netarena.results.compare.ComparableRun;
import netarena.results.compare.RunNoise;
import netarena.results.compare.RunComparator;
import netarena.results.compare.RunComparison;
import netarena.results.compare.RunReader;
import netarena.results.compare.VerdictFiles;
import netarena.results.stats.ComparisonConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code netarena compare BASELINE CURRENT}: the regression verdict between two run folders, as a
 * Markdown table on stdout and as files for CI tools. Exit 0 no regression, 1 regression, 2 invalid
 * input or nothing decided.
 */
@Command(name = "compare",
        exitCodeOnExecutionException = RunComparison.EXIT_UNDECIDED, sortOptions = false,
        description = {
            "Compare two run folders (sweep: repetitions.csv; bench: jmh.json) metric by metric: ratio with its 95%% "
                    + "bootstrap interval, Mann-Whitney p corrected over every metric, direction-aware verdict.",
            "Writes compare.md (printed on stdout), verdict.json, github-action-benchmark-{bigger,smaller}.json, "
                    + "bencher.json and junit.xml. See docs/VERDICTS.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no regression (at least one metric decided, none regressed)",
            "1:a metric regressed, or a cell the baseline served failed in the current run",
            "2:a run folder that cannot be read, or too little data to decide anything",
            "64:usage error"})
final class CompareCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline run folder.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The current run folder.")
    Path current;

    @Mixin
    ComparisonOptions statistics;

    @Option(names = "--out", description = "Folder for the verdict files. Default: CURRENT/compare-vs-<baseline id>/.")
    Path out;

    @Option(names = "--noise-runs", split = ",", paramLabel = "DIR",
            description = "Two or more stored run folders of the baseline's build (e.g. earlier nightly runs): "
                    + "each metric's threshold becomes the larger of --threshold and twice the spread of its centre "
                    + "between them; written to noise.json beside the verdict for later runs.")
    List<Path> noiseRuns = List.of();

    @Option(names = "--noise", paramLabel = "FILE",
            description = "A noise.json kept from an earlier --noise-runs: the same thresholds without the runs.")
    Path noiseFile;

    @Override
    public Integer call() throws IOException {
        RunComparator comparator = new RunComparator(statistics.config(spec));
        if (!noiseRuns.isEmpty() && noiseFile != null) {
            throw new ParameterException(spec.commandLine(),
                    "--noise-runs and --noise are alternatives: give one");
        }
        try {
            RunNoise noise = noise();
            if (noise != null) {
                comparator = comparator.withNoise(noise);
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("netarena compare: " + e.getMessage());
            return RunComparison.EXIT_UNDECIDED;
        }
        return run(baseline, current, comparator, out, System.out, System.err);
    }

    /** The between-run noise from --noise-runs (kept as noise.json in the output folder) or --noise; null without either. */
    private RunNoise noise() throws IOException {
        if (noiseFile != null) {
            return RunNoise.read(noiseFile);
        }
        if (noiseRuns.isEmpty()) {
            return null;
        }
        List<ComparableRun> stored = new ArrayList<>();
        for (Path dir : noiseRuns) {
            stored.add(RunReader.read(dir));
        }
        return RunNoise.fromRuns(stored);
    }

    /**
     * Reads, compares, writes and prints; returns the exit code. Unreadable input is reported on
     * {@code err} and returns 2. Shared with {@code ab}.
     */
    static int run(Path baseline, Path current, RunComparator comparator, Path outDir, PrintStream out,
                   PrintStream err) throws IOException {
        RunComparison comparison;
        try {
            comparison = comparator.compare(RunReader.read(baseline), RunReader.read(current));
        } catch (IllegalArgumentException e) {
            err.println("netarena compare: " + e.getMessage());
            return RunComparison.EXIT_UNDECIDED;
        }
        for (String warning : comparison.warnings()) {
            err.println("netarena compare: warning: " + warning);
        }
        VerdictFiles.Written written = VerdictFiles.write(comparison,
                outDir != null ? outDir : VerdictFiles.defaultDir(comparison));
        if (comparator.noise() != null) {
            comparator.noise().write(written.dir());
        }
        out.print(written.markdown());
        out.flush();
        err.println("netarena compare: " + comparison.outcome() + " (exit " + comparison.exitCode() + "); wrote "
                + written.files().size() + " files into " + written.dir());
        return comparison.exitCode();
    }
}
