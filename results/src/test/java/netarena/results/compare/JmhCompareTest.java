package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netarena.results.jmh.JmhJson;
import netarena.results.jmh.JmhMetric;
import netarena.results.jmh.JmhResult;
import netarena.results.run.RunFolder;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Direction;
import netarena.results.stats.BaselineComparator;
import netarena.results.stats.MetricSamples;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bench runs (jmh.json) compared with the fork as the unit: the stored pair (2 forks each: a throughput
 * score down 20%, an average time down 20%, allocation unchanged) and constructed forks whose answer is known.
 */
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

    private static final RunComparator COMPARATOR = new RunComparator(ComparisonConfig.defaults().withResamples(2_000));

    @Test
    void twoForksASideAreOneValuePerForkAndToldTheyCannotDecide(@TempDir Path root) throws Exception {
        ComparableRun baseline = RunReader.read(bench(root, "base", "jmh-baseline.json"));
        ComparableRun current = RunReader.read(bench(root, "cur", "jmh-current.json"));
        assertEquals("jmh", baseline.kind());
        RunComparison c = COMPARATOR.compare(baseline, current);

        MetricComparison decode = find(c, DECODE, "score (ops/us)");
        assertEquals(Direction.HIGHER_IS_BETTER, decode.direction());
        assertEquals(2, decode.baselineCount(), "one value per fork, not the 6 iterations");
        assertEquals(0.8, decode.ratio(), 0.02);
        assertEquals(Verdict.INCONCLUSIVE, decode.verdict(), "2 forks a side can never be significant");
        MetricComparison cpu = find(c, CPU, "score (us/op)");
        assertEquals(Direction.LOWER_IS_BETTER, cpu.direction());
        assertEquals(Verdict.INCONCLUSIVE, cpu.verdict(), cpu.reason());

        assertEquals(List.of("RoundTripBenchmark.echoRoundTrip [model=selector] sample"), c.onlyInCurrent());
        MetricComparison alloc = find(c, DECODE, "gc.alloc.rate.norm (B/op)");
        assertEquals(Verdict.UNCHANGED, alloc.verdict(), "160 B/op in every iteration of every fork: " + alloc.reason());
        assertEquals(RunComparison.EXIT_NO_REGRESSION, c.exitCode());
        assertTrue(c.warnings().get(0).startsWith("2 forks per side cannot show a significant change"),
                c.warnings().toString());
    }

    @Test
    void forksThatDifferWhileTheirIterationsAgreeAreNotARegression() {
        // known answer: the same code in both runs, each fork's JIT landing somewhere in 80..120 while the
        // iterations within a fork agree to 0.1%. Pooled as 15 iterations a side, the forks' luck reads as a
        // significant 18% regression; with the fork as the unit, 3 a side decide nothing, and say so.
        double[][] base = {fork(100), fork(110), fork(120)};
        double[][] cur = {fork(80), fork(90), fork(100)};
        RunComparison c = COMPARATOR.compare(jmhRun("base", base), jmhRun("cur", cur));
        MetricComparison score = c.report().metrics().get(0);
        assertEquals(3, score.baselineCount());
        assertEquals(Verdict.INCONCLUSIVE, score.verdict(), score.reason());
        assertTrue(c.warnings().get(0).contains("forks per side"), c.warnings().toString());
        MetricSamples pooled = new MetricSamples("X.decode", "score", Direction.HIGHER_IS_BETTER, flat(base), flat(cur));
        assertEquals(Verdict.REGRESSED, BaselineComparator.withDefaults().compare(List.of(pooled)).metrics().get(0)
                .verdict(), "pooling iterations would have called the forks' luck a regression");
    }

    @Test
    void enoughForksWithARealShiftAreARegression() {
        double[][] base = new double[8][];
        double[][] cur = new double[8][];
        for (int f = 0; f < 8; f++) {
            base[f] = fork(100 + f % 3);
            cur[f] = fork(80 + f % 3);
        }
        RunComparison c = COMPARATOR.compare(jmhRun("base", base), jmhRun("cur", cur));
        MetricComparison score = c.report().metrics().get(0);
        assertEquals(8, score.baselineCount());
        assertEquals(Verdict.REGRESSED, score.verdict(), score.reason());
    }

    @Test
    void eachForkIsItsMedianIterationAndSampleModeIterationsAreTheMeansOfTheirHistograms(@TempDir Path root)
            throws Exception {
        ComparableRun baseline = RunReader.read(bench(root, "base", "jmh-baseline.json"));
        JmhResult decode = JmhJson.read(root.resolve("base").resolve(RunFolder.JMH)).get(0);
        double[] perFork = baseline.subjects().get(0).values().values().iterator().next();
        List<List<Double>> raw = decode.primary().rawData();
        assertEquals(raw.size(), perFork.length);
        for (int f = 0; f < raw.size(); f++) {
            assertEquals(raw.get(f).stream().sorted().toList().get(raw.get(f).size() / 2), perFork[f], 1e-9);
        }
        ComparableRun current = RunReader.read(bench(root, "cur", "jmh-current.json"));
        Subject roundTrip = current.subjects().get(2);
        double[] values = roundTrip.values().values().iterator().next();
        // one fork of two iterations: its median is the mean of the two iteration means
        double first = (15.0 * 100 + 20.0 * 300) / 400;
        double second = (18.0 * 200 + 22.0 * 200) / 400;
        assertArrayEquals(new double[] {(first + second) / 2}, values, 1e-9);
    }

    /** Five iterations within 0.1% of {@code centre}. */
    private static double[] fork(double centre) {
        return new double[] {centre * 0.999, centre * 1.0005, centre, centre * 1.001, centre * 0.9995};
    }

    private static double[] flat(double[][] forks) {
        return java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static ComparableRun jmhRun(String id, double[][] forks) {
        List<List<Double>> raw = java.util.Arrays.stream(forks)
                .map(f -> java.util.Arrays.stream(f).boxed().toList()).toList();
        JmhMetric primary = new JmhMetric(100, 1, "ops/us", new java.util.TreeMap<>(), raw, List.of());
        JmhResult result = new JmhResult("netarena.bench.X.decode", "thrpt", 1, forks.length, Map.of(), primary,
                Map.of(), "1.37", "25");
        return new ComparableRun(id, Path.of(id), "jmh", RunReader.jmhSubjects(List.of(result)), List.of());
    }
}
