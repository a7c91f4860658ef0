package netarena.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import netarena.results.merge.MergedFiles;
import netarena.results.merge.MergedRun;
import netarena.results.merge.MergedTable;
import netarena.results.merge.RunMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code netarena merge DIR...}: the output folders of a distributed load run's agents in, one result out
 * (docs/DISTRIBUTED.md). Exit codes are those of {@code netarena load}, for the merged run.
 */
@Command(name = "merge", sortOptions = false,
        description = {
            "Merge the output folders of a distributed load run's agents (load --agent-index ... --out DIR) into one",
            "result: counts added, histograms added interval by interval on the common start instant, percentiles read",
            "from the sum (never averaged). A missing, failed, late or invalid agent makes the result invalid (exit 2).",
            "See docs/DISTRIBUTED.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:an agent had errors", "2:invalid: an agent was missing, failed, late or invalid",
            "3:an agent could not connect", "64:usage error, or no agent left a result", "130:an agent stopped early"})
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The agents' output folders, one per agent.")
    List<Path> agents;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Write the merged result.json, latency.hlog, latency.hgrm and table.txt here.")
    Path out;

    @Option(names = "--start-tolerance", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How late past the common start instant an agent may begin. Default: 5ms.")
    Duration startTolerance = RunMerger.DEFAULT_START_TOLERANCE;

    @Override
    public Integer call() {
        MergedRun run = MergedFiles.merge(agents, startTolerance, out);
        System.out.print(MergedTable.format(run));
        System.err.println("merged result in " + out.toAbsolutePath());
        return run.exitCode();
    }
}
