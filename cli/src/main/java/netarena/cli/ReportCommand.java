package netarena.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netarena.results.report.ReportWriter;
import netarena.results.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code netarena report RUN_DIR}: writes report.html and summary.md into a run folder (and refreshes
 * its results.csv). A partial or damaged run still gets a report that says what is missing.
 */
@Command(name = "report", description = {
    "Write report.html and summary.md into a run folder, and refresh its results.csv.",
    "report.html: one self-contained page of charts and tables (opens from disk).",
    "summary.md: headline tables for a CI job summary or a pull-request comment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:the folder is not a run (nothing written)", "64:usage error"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder, e.g. results/runs/2026-11-25T15-10-00Z.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(runDir)) {
            System.err.println("netarena report: no run folder at " + runDir.toAbsolutePath());
            return ExitCodes.UNDECIDED;
        }
        if (!RunFolder.holdsARun(runDir)) {
            System.err.println("netarena report: " + runDir.toAbsolutePath() + " is not a run folder: it has none of "
                    + String.join(", ", RunFolder.RUN_FILES) + " (nothing written)");
            return ExitCodes.UNDECIDED;
        }
        ReportWriter.Written written = ReportWriter.write(runDir);
        System.out.println("wrote " + written.html() + " (" + written.charts() + " charts)");
        System.out.println("wrote " + written.markdown());
        return 0;
    }
}
