package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netarena.results.run.RunFolder;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Direction;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two bench runs (jmh.json): a throughput score down 20%, an average time down 20%, allocation unchanged. */
class JmhCompareTest {

    private static final String DECODE = "FrameCodecBenchmark.decode [payloadBytes=64] thrpt";
    private static final String CPU = "CpuWorkBenchmark.cpu [rounds=1000] avgt";

    private static Path bench(Path root, String name, String resource) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        try (var in = JmhCompareTest.class.getResourceAsStream(resource)) {
            Files.copy(in, dir.resolve(RunFolder.JMH));
        }
        return dir;
    }

    private static MetricComparison find(RunComparison c, String cell, String metric) {
        return c.report().metrics().stream().filter(m -> m.cell().equals(cell) && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError(cell + " " + metric));
    }

    @Test
    void comparesJmhIterationsDirectionAwareAndAllocationPerOp(@TempDir Path root) throws Exception {
        ComparableRun baseline = RunReader.read(bench(root, "base", "jmh-baseline.json"));
        ComparableRun current = RunReader.read(bench(root, "cur", "jmh-current.json"));
        assertEquals("jmh", baseline.kind());
        RunComparison c = new RunComparator(ComparisonConfig.defaults().withResamples(2_000)).compare(baseline, current);

        MetricComparison decode = find(c, DECODE, "score (ops/us)");
        assertEquals(Direction.HIGHER_IS_BETTER, decode.direction());
        assertEquals(6, decode.baselineCount(), "every iteration of both forks");
        assertEquals(Verdict.REGRESSED, decode.verdict(), decode.reason());
        MetricComparison alloc = find(c, DECODE, "gc.alloc.rate.norm (B/op)");
        assertEquals(Verdict.UNCHANGED, alloc.verdict(), alloc.reason());
        MetricComparison cpu = find(c, CPU, "score (us/op)");
        assertEquals(Direction.LOWER_IS_BETTER, cpu.direction());
        assertEquals(Verdict.IMPROVED, cpu.verdict(), cpu.reason());

        assertEquals(List.of("RoundTripBenchmark.echoRoundTrip [model=selector] sample"), c.onlyInCurrent());
        assertEquals(RunComparison.EXIT_REGRESSION, c.exitCode());
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("only 6 repetitions")), c.warnings().toString());
    }

    @Test
    void sampleModeIterationsAreTheMeansOfTheirHistograms(@TempDir Path root) throws Exception {
        ComparableRun current = RunReader.read(bench(root, "cur", "jmh-current.json"));
        Subject roundTrip = current.subjects().get(2);
        double[] values = roundTrip.values().values().iterator().next();
        assertArrayEquals(new double[] {(15.0 * 100 + 20.0 * 300) / 400, (18.0 * 200 + 22.0 * 200) / 400}, values, 1e-9);
    }
}
