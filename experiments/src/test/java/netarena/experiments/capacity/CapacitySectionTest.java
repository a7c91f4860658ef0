package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ErlangC;
import netarena.results.capacity.InFlight;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SloText;
import netarena.results.capacity.UslModel;
import netarena.results.report.CapacitySection;
import netarena.results.report.ReportWriter;
import netarena.results.report.SyntheticRun;
import netarena.results.run.Manifest;
import netarena.results.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capacity run folder (no sweep cells) with the capacity section: two charts, tables, no complaints. */
class CapacitySectionTest {

    static CapacityAnswer answer() {
        CapacityAnswer.SloAnswer slo = SloCapacity.measure(SloText.parse("p99<=5ms", 0.001), "p99<=5ms",
                SearchConfig.defaults(1_000, 40_000),
                (rate, q) -> rate >= 10_000 ? ProbeResult.measured(Double.POSITIVE_INFINITY, 0.3)
                        : ProbeResult.measured(-Math.log(1 - q) / (10_000 - rate) * 1e6, 0), 2);
        UslModel truth = new UslModel(0.04, 0.001, 15_000);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
            double x = truth.throughputAt(n);
            points.add(new CapacityAnswer.ClosedLoopPoint(n, x, n / x * 1e6, 3 * n / x * 1e6, true, ""));
        }
        CapacityAnswer.PoolAnswer pool = PoolCapacity.measure(3_000, "fixed", SloText.parse("p99<=5ms", 0), "p99<=5ms", 100,
                new PoolProbe() {
                    @Override
                    public CapacityAnswer.ServiceTime serviceTime(double rate) {
                        return CapacityAnswer.ServiceTime.of(1_400, 1_000);
                    }

                    @Override
                    public PoolProbe.Measurement measure(int workers, double rate, double quantile) {
                        return new PoolProbe.Measurement(ProbeResult.measured(ErlangC.responsePercentileSeconds(rate,
                                0.001, workers, quantile) * 1e6, 0), new InFlight(workers, rate, 1_400, 1_000));
                    }
                });
        return new CapacityAnswer("selector io-threads 1 workers 0, echo 64 B, frame", slo,
                CapacityAnswer.ScalingAnswer.of(points), pool);
    }

    @Test
    void aCapacityRunReportsItsSectionWithBothChartsAndNoMissingSweepFiles(@TempDir Path root) throws Exception {
        RunFolder run = RunFolder.create(root, Instant.parse("2026-11-25T15:10:00Z"), "capacity");
        Manifest m = SyntheticRun.manifest(run.runId());
        run.writeManifest(new Manifest(m.runId(), "capacity", "netarena capacity --model selector --slo p99<=5ms",
                m.startedAt(), m.finishedAt(), m.gitCommit(), m.plan(), m.environment(), m.pinning(),
                m.serverJvmFlags(), m.generatorJvmFlags(), m.knobs()));
        ReportWriter.Written w = ReportWriter.write(run.dir(), List.of(CapacitySection.of(answer())));
        String html = Files.readString(w.html());
        String section = html.substring(html.indexOf("<section id=\"capacity\">"));
        assertEquals(2, section.split("class=\"chart\"", -1).length - 1, "the throughput-latency curve and the USL chart");
        assertTrue(html.contains("<section id=\"capacity\"><h2>Capacity</h2>"), "section");
        assertTrue(html.contains("id=\"capacity-curve\"") && html.contains("id=\"capacity-usl\""), "both SVGs");
        assertTrue(html.contains("SLO p99&lt;=5ms"), "the SLO line's label");
        assertTrue(html.contains("knee "), "the knee is marked");
        assertTrue(html.contains("Worker pool for a rate"), "pool table");
        assertTrue(html.contains("held (server)") && html.contains(">3.00</td>"), "3,000/s of 1 ms: 3 held");
        assertFalse(html.contains("repetitions.csv is missing"), "a capacity run has no sweep to miss");
        assertTrue(html.contains("A capacity run"), "the overview says what kind of run it is");
        String md = Files.readString(w.markdown());
        assertTrue(md.contains("A capacity run."), md);
        assertTrue(md.contains("### Capacity") && md.contains("- SLO p99<=5ms"), md);
        assertTrue(md.contains("- USL: sigma 0.04"), md);
        assertTrue(md.contains("- Pool for 3,000/s at p99<=5ms, fixed pool: 4 workers (M/D/c (Allen-Cunneen); Erlang C 5)"),
                md);
        assertTrue(md.contains("the smallest measured that meets it: 5"), "the simulated pool is M/M/c: " + md);
    }
}
