package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Manifest;
import netarena.results.run.Repetition;
import netarena.results.run.RepetitionCsv;
import netarena.results.run.RunFolder;
import netarena.results.run.CpuSplit;
import netarena.results.run.ServerCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of a run that is empty, failed, damaged or half-finished says so and never throws. */
class ReportRobustnessTest {

    @TempDir
    Path root;

    private static final CellKey CELL = new CellKey("selector", 2, 0, 64, "echo", 64, 0, 0, "frame");

    private static Repetition rep(int n, CellStatus status, String reason, double tput, ServerCost cost) {
        return new Repetition(CELL, n, n, status, reason, tput, 50, 80, 120, 300, 900, 1000, 0, cost,
                RunFolder.repetitionPath(CELL, n));
    }

    private String html(ReportWriter.Written w) throws IOException {
        return Files.readString(w.html());
    }

    @Test
    void anEmptyFolderGetsAReportThatSaysItIsEmpty() throws IOException {
        Path dir = Files.createDirectories(root.resolve("empty"));
        ReportWriter.Written w = ReportWriter.write(dir);
        String html = html(w);
        assertEquals(0, w.charts());
        assertTrue(html.contains("manifest.json is missing"));
        assertTrue(html.contains("repetitions.csv is missing"));
        assertTrue(html.contains("This run holds no measured repetition."));
        assertTrue(html.contains("None: every cell is OK.") || html.contains("0 OK"));
        String md = Files.readString(w.markdown());
        assertTrue(md.contains("_Machine unknown: no readable manifest.json._"));
        assertTrue(md.contains("0 cells: 0 OK, 0 not OK."));
        assertTrue(!Files.exists(dir.resolve(RunFolder.RESULTS)), "no results.csv for a run that measured nothing");
    }

    @Test
    void allFailedCellsDrawNoChartAndListEveryReason() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        run.writeManifest(SyntheticRun.manifest(run.runId()));
        for (int n = 1; n <= 3; n++) {
            run.appendRepetition(rep(n, CellStatus.FAILED, "verify step: wrong echo payload", Double.NaN,
                    ServerCost.unknown()));
        }
        ReportWriter.Written w = ReportWriter.write(run.dir());
        String html = html(w);
        assertEquals(0, w.charts());
        assertEquals(0, ReportWriterTest.count(html, "<svg"));
        assertTrue(html.contains("reps 1, 2, 3 FAILED: verify step: wrong echo payload"));
        assertTrue(html.contains("No chart: no cell of this workload is OK"));
        assertTrue(Files.readString(w.markdown()).contains("No OK cell in this workload."));
    }

    @Test
    void unknownCostsLeaveTheirChartsOutAndReadNotAvailable() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        for (int n = 1; n <= 3; n++) {
            run.appendRepetition(rep(n, CellStatus.OK, "", 1000 * n, ServerCost.unknown()));
        }
        ReportWriter.Written w = ReportWriter.write(run.dir());
        String html = html(w);
        assertEquals(1, w.charts(), "throughput only: no histogram, no cost");
        assertTrue(html.contains("No chart: no OK cell at 64 connections has this figure"));
        assertTrue(html.contains(">n/a<"));
        assertTrue(html.contains("no latency.hgrm or latency.hlog in cells/selector_io2_w0_c64"));
    }

    @Test
    void damagedFilesBecomeNotes() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        Files.writeString(run.dir().resolve(RunFolder.MANIFEST), "{ \"runId\": ");
        run.appendRepetition(rep(1, CellStatus.OK, "", 1000, new ServerCost(new CpuSplit(10, 0, 0, 0), CpuSplit.unknown(), 0.1, 50_000, 12, 4, Double.NaN, Double.NaN)));
        Files.writeString(run.dir().resolve(RunFolder.REPETITIONS),
                RepetitionCsv.line(rep(2, CellStatus.OK, "", 1100, ServerCost.unknown())).substring(0, 30),
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(run.jmhJson(), "<html>not json</html>");
        Path repDir = run.repetitionDir(CELL, 1);
        Files.writeString(repDir.resolve("latency.hgrm"),
                "       Value     Percentile TotalCount 1/(1-Percentile)\n\n");

        ReportWriter.Written w = ReportWriter.write(run.dir());
        String html = html(w);
        assertTrue(html.contains("manifest.json could not be read"));
        assertTrue(html.contains("repetitions.csv line 3 skipped"));
        assertTrue(html.contains("jmh.json could not be read"));
        assertTrue(html.contains("cells/selector_io2_w0_c64_echo-64B-0_closed_frame/rep-1/latency.hgrm holds no "
                + "percentiles"));
        assertEquals(3, w.charts(), "throughput, CPU and memory");
    }

    @Test
    void aRunThatDidNotFinishSaysSo() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        Manifest m = SyntheticRun.manifest(run.runId());
        run.writeManifest(new Manifest(m.runId(), m.kind(), m.command(), m.startedAt(), null, m.gitCommit(),
                m.plan(), null, null, null, null, null));
        run.appendRepetition(rep(1, CellStatus.OK, "", 1000, ServerCost.unknown()));
        ReportWriter.Written w = ReportWriter.write(run.dir());
        String html = html(w);
        assertTrue(html.contains("<b>not finished</b>"));
        assertTrue(html.contains("unknown (the manifest has no environment)"));
        assertTrue(Files.readString(w.markdown()).contains("**The run did not finish**"));
    }

    @Test
    void aBenchRunIsAJmhReportWithoutSweepComplaints() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        run.writeManifest(SyntheticRun.manifest(run.runId()));
        try (var jmh = getClass().getResourceAsStream("/netarena/results/jmh/jmh-1.37-sample.json")) {
            Files.copy(jmh, run.jmhJson());
        }
        ReportWriter.Written w = ReportWriter.write(run.dir());
        String html = html(w);
        assertEquals(3, w.charts());
        assertTrue(html.contains("A JMH run: no sweep cells"));
        assertTrue(!html.contains("repetitions.csv is missing"), "a bench run has no repetitions.csv by design");
        String md = Files.readString(w.markdown());
        assertTrue(md.contains("A JMH run."));
        assertTrue(!md.contains("Failed and invalid cells"));
        assertTrue(md.contains(
                "| RoundTripBench.echo [model=selector, size=64] | sample | 19.6 | 0.0540 | us/op |  |"), md);
    }

    @Test
    void aHeaderOnlyRepetitionsFileIsAnEmptyRun() throws IOException {
        RunFolder run = RunFolder.create(root, Instant.EPOCH);
        Files.writeString(run.dir().resolve(RunFolder.REPETITIONS), RepetitionCsv.headerLine());
        ReportWriter.Written w = ReportWriter.write(run.dir(), List.of());
        assertTrue(html(w).contains("This run holds no measured repetition."));
    }
}
