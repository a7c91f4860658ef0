package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.results.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    static Path root;

    static RunFolder run;
    static ReportWriter.Written written;
    static String html;
    static String md;

    @BeforeAll
    static void writeTheSyntheticReport() throws IOException {
        run = SyntheticRun.create(root.resolve("runs"));
        written = ReportWriter.write(run.dir(), List.of(new ReportSection("capacity", "Capacity",
                "<p>capacity answer goes here</p>", "capacity in markdown")));
        html = Files.readString(written.html());
        md = Files.readString(written.markdown());
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void drawsOneSvgPerExpectedChart() {
        assertEquals(SyntheticRun.CHART_IDS.size(), count(html, " class=\"chart\""));
        assertEquals(SyntheticRun.CHART_IDS.size(), written.charts());
        // selector's three block cells have a latency.hlog: a throughput and a p99 sparkline each
        assertEquals(SyntheticRun.CHART_IDS.size() + 6, count(html, "<svg"));
        assertEquals(6, count(html, "<span class=\"spark\">"));
        for (String id : SyntheticRun.CHART_IDS) {
            assertTrue(html.contains("<svg id=\"" + id + "\"") || html.contains(" id=\"" + id + "\" class=\"chart\""),
                    "chart " + id);
        }
    }

    @Test
    void everyFigureHasItsTable() {
        // environment, best per workload, failed/invalid, one per chart, all cells per workload (2)
        assertEquals(3 + SyntheticRun.CHART_IDS.size() + 2, count(html, "<table"));
        assertTrue(html.contains("All 8 cells of this workload"), "workload 1: 3 models x 2 conns + 2 selector pools");
        assertTrue(html.contains("All 6 cells of this workload"));
    }

    @Test
    void failedAndInvalidCellsCarryTheirReasons() {
        assertTrue(html.contains("reps 1, 2, 3 FAILED: " + Html.esc(SyntheticRun.FAILED_REASON)));
        assertTrue(html.contains("rep 2 INVALID: " + Html.esc(SyntheticRun.INVALID_REASON)));
        assertTrue(html.contains("<span class=\"badge failed\">FAILED</span>"));
        assertTrue(html.contains("<code>thread-per-client_io2_w0_c256_echo-64B-0_closed_frame</code>"));
    }

    @Test
    void showsTheEnvironmentAtTheTop() {
        int env = html.indexOf("id=\"environment\"");
        int firstWorkload = html.indexOf("id=\"w1\"");
        assertTrue(env > 0 && env < firstWorkload);
        for (String fact : List.of("OpenJDK 64-Bit Server VM 25.0.1+8-LTS", "6.1.0-27-amd64",
                "AMD EPYC 7B13 64-Core Processor \u00d7 2", "server cpu 0, generator cpu 1 (taskset)", "5e4b94e",
                "jdk.virtualThreadScheduler.parallelism", "-XX:+UseParallelGC", "8 GiB",
                "netarena sweep --plan plans/quick.yaml")) {
            assertTrue(html.contains(Html.esc(fact)), fact);
        }
    }

    @Test
    void referencesNothingOutsideTheFile() {
        String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=\"[^\"]*\"", "");
        assertFalse(withoutNamespaces.contains("http://"), "http reference");
        assertFalse(withoutNamespaces.contains("https://"), "https reference");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("@import"));
        assertFalse(html.replace("url(#", "").contains("url("), "only in-page url(#id) references");
        assertFalse(html.contains("<!DOCTYPE svg"));
    }

    @Test
    void notesWhatCouldNotBeRead() {
        assertTrue(html.contains("id=\"notes\""));
        assertTrue(html.contains("no latency.hgrm or latency.hlog in cells/netty-nio_io2_w16_c64_block-64B-500"),
                "the netty-nio block cell has no latency files");
    }

    @Test
    void unknownCostsReadNotAvailable() {
        assertTrue(html.contains(">n/a<"));
    }

    @Test
    void extraSectionsLandInTheReportAndTheSummary() {
        assertTrue(html.contains("<section id=\"capacity\"><h2>Capacity</h2>"));
        assertTrue(html.contains("<a href=\"#capacity\">Capacity</a>"));
        assertTrue(md.contains("### Capacity\n\ncapacity in markdown"));
    }

    @Test
    void closedLoopLatencyChartsSayTheyAreFromTheActualSend() {
        assertTrue(html.contains("Latency from the actual send (not corrected"), "closed-loop spectrum caption");
        assertFalse(html.contains("Corrected latency (from the intended send time)"), "no open-loop cell here");
    }

    @Test
    void summaryHasAHeadlineTablePerWorkload() {
        assertTrue(md.startsWith("## netarena sweep 2026-11-25T15-10-00Z"));
        assertTrue(md.contains("### echo 64B arg=0 closed frame"));
        assertTrue(md.contains("### block 64B arg=500 closed frame"));
        assertTrue(md.contains("| model | setting | req/s at 16 conns (min\u2013max) | p50 \u00b5s | p99 \u00b5s |"));
        assertTrue(md.contains("| model | setting | req/s at 64 conns (min\u2013max) |"));
        assertTrue(md.contains("Best: **netty-nio** (io=2 w=0 fixed, best of 1 setting), 75,000 req/s at 16 connections, "
                + "p99"), md);
        assertTrue(md.contains("(closed loop: from the actual send, not corrected)"), md);
        assertTrue(md.contains("| **FAILED** | `thread-per-client_io2_w0_c256_echo-64B-0_closed_frame` | 0/3 | "
                + "reps 1, 2, 3 FAILED: " + SyntheticRun.FAILED_REASON));
        assertTrue(md.contains("| **INVALID** | `netty-nio_io2_w0_c256_echo-64B-0_closed_frame` | 2/3 | rep 2 INVALID: "
                + SyntheticRun.INVALID_REASON));
        assertTrue(md.contains("| FrameCodecBench.decode [size=64] | thrpt | 41.5 | 1.21 | ops/us | 160 |"), md);
        assertTrue(md.contains("AMD EPYC 7B13 64-Core Processor \u00d7 2"));
    }

    @Test
    void refreshesResultsCsv() {
        assertEquals(List.of(), run.readResults().problems());
        assertEquals(14, run.readResults().rows().size());
    }

    @Test
    void refusesASectionIdTheReportUses() {
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(run.dir(),
                List.of(new ReportSection("w2", "clash", "", ""))));
    }

    @Test
    void refusesAFolderThatDoesNotExist() {
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(root.resolve("no-such-run")));
    }
}
