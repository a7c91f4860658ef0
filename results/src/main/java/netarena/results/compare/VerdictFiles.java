package netarena.results.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netarena.results.report.CompareHtml;
import netarena.results.run.RunFolder;

/**
 * Writes every output of a comparison into one folder (by default {@code CURRENT/compare-vs-<baseline id>/}).
 *
 * <pre>
 * compare.md                               the table for a PR comment or job summary ({@link VerdictMarkdown})
 * compare.html                             the same as a page, with the ratio and interval per metric as a chart
 * verdict.json                             everything, for scripts ({@link VerdictJson#verdict})
 * github-action-benchmark-bigger.json      customBiggerIsBetter input: throughput, JMH thrpt scores
 * github-action-benchmark-smaller.json     customSmallerIsBetter input: latencies, CPU, JMH times, B/op
 * bencher.json                             Bencher Metric Format
 * junit.xml                                a failed testcase per regression ({@link VerdictJunit})
 * </pre>
 */
public final class VerdictFiles {

    public static final String MARKDOWN = "compare.md";
    public static final String HTML = "compare.html";
    public static final String VERDICT = "verdict.json";
    public static final String ACTION_BIGGER = "github-action-benchmark-bigger.json";
    public static final String ACTION_SMALLER = "github-action-benchmark-smaller.json";
    public static final String BENCHER = "bencher.json";
    public static final String JUNIT = "junit.xml";

    /** What was written. @param markdown the text of compare.md */
    public record Written(Path dir, List<Path> files, String markdown) {
    }

    private VerdictFiles() {
    }

    /** The default output folder: {@code CURRENT/compare-vs-<baseline id>}. */
    public static Path defaultDir(RunComparison c) {
        return c.current().dir().resolve("compare-vs-" + c.baseline().id());
    }

    public static Written write(RunComparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        String markdown = VerdictMarkdown.render(c);
        List<Path> files = List.of(
                put(dir, MARKDOWN, markdown),
                put(dir, HTML, CompareHtml.render(c)),
                put(dir, VERDICT, VerdictJson.verdict(c)),
                put(dir, ACTION_BIGGER, VerdictJson.githubActionBenchmark(c, true)),
                put(dir, ACTION_SMALLER, VerdictJson.githubActionBenchmark(c, false)),
                put(dir, BENCHER, VerdictJson.bencher(c)),
                put(dir, JUNIT, VerdictJunit.render(c)));
        return new Written(dir, files, markdown);
    }

    private static Path put(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        RunFolder.writeAtomically(file, text);
        return file;
    }
}
