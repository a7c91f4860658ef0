package netarena.results.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netarena.results.run.ResultsCsv;
import netarena.results.run.RunFolder;

/**
 * {@code netarena report RUN_DIR}: writes {@code report.html} (self-contained: charts as inline SVG,
 * inline CSS, no script, no network) and {@code summary.md} (for a CI job summary or a PR comment)
 * into a run folder, and refreshes {@code results.csv} from {@code repetitions.csv}.
 *
 * <p>A run that is partial, empty or damaged still gets a report that says what is missing: missing
 * files, unreadable rows, failed cells and unknown costs are written as notes, never thrown. Only a
 * folder that does not exist, or a file that cannot be written, is an exception. Called from the CLI
 * thread; not thread-safe for one folder.
 */
public final class ReportWriter {

    /** What a report wrote. @param charts the number of charts drawn into the HTML */
    public record Written(Path html, Path markdown, int charts) {
    }

    private ReportWriter() {
    }

    /** Writes the report of {@code runDir}. */
    public static Written write(Path runDir) throws IOException {
        return write(runDir, List.of());
    }

    /**
     * Writes the report of {@code runDir} with {@code extraSections} (e.g. a capacity answer) after the
     * workloads and JMH, in the table of contents too. Their ids must differ from the report's own
     * ({@code environment}, {@code notes}, {@code overview}, {@code problems}, {@code jmh}, {@code w1}...).
     */
    public static Written write(Path runDir, List<ReportSection> extraSections) throws IOException {
        for (ReportSection s : extraSections) {
            if (s.id().matches("environment|notes|overview|problems|jmh|w\\d+")) {
                throw new IllegalArgumentException("section id " + s.id() + " is the report's own; choose another");
            }
        }
        RunFolder folder = RunFolder.open(runDir);
        RunData data = RunData.load(folder);
        if (!data.repetitions().isEmpty()) {
            RunFolder.writeAtomically(runDir.resolve(RunFolder.RESULTS), ResultsCsv.render(data.cells()));
        }
        HtmlReport html = new HtmlReport(data, List.copyOf(extraSections));
        Path htmlFile = runDir.resolve("report.html");
        RunFolder.writeAtomically(htmlFile, html.render());
        Path mdFile = runDir.resolve("summary.md");
        RunFolder.writeAtomically(mdFile, MarkdownSummary.render(data, extraSections));
        return new Written(htmlFile, mdFile, html.chartsDrawn());
    }
}
