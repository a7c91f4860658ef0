package netarena.results.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {

    static Path sample() throws URISyntaxException {
        return Path.of(JmhJsonTest.class.getResource("jmh-1.37-sample.json").toURI());
    }

    @Test
    void readsEveryBenchmarkWithItsParams() throws Exception {
        List<JmhResult> all = JmhJson.read(sample());
        assertEquals(4, all.size());
        JmhResult decode = all.get(0);
        assertEquals("netarena.bench.FrameCodecBench.decode", decode.benchmark());
        assertEquals("FrameCodecBench.decode [size=64]", decode.label());
        assertEquals("thrpt", decode.mode());
        assertEquals(2, decode.forks());
        assertEquals(Map.of("size", "64"), decode.params());
        assertEquals("1.37", decode.jmhVersion());
        assertEquals("25.0.1", decode.jdkVersion());
        assertEquals("FrameCodecBench.decode [size=1024]", all.get(1).label());
        assertEquals("RoundTripBench.echo [model=selector, size=64]", all.get(2).label());
        assertEquals("ServerStartBench.start", all.get(3).label());
    }

    @Test
    void primaryMetricKeepsScoreErrorPercentilesAndRawIterations() throws Exception {
        JmhMetric m = JmhJson.read(sample()).get(0).primary();
        assertEquals(41.53812640288213, m.score());
        assertEquals(1.2093387211742183, m.scoreError());
        assertEquals("ops/us", m.unit());
        assertEquals(41.5306471128806, m.percentile(50.0));
        assertEquals(42.20438114870341, m.percentile(100.0));
        assertEquals(2, m.rawData().size());
        assertEquals(6, m.iterationScores().size());
        double mean = m.iterationScores().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(m.score(), mean, 1e-9, "JMH's throughput score is the mean of the iterations");
    }

    @Test
    void secondaryMetricsIncludingGcAllocationPerOperation() throws Exception {
        JmhResult decode = JmhJson.read(sample()).get(0);
        JmhMetric alloc = decode.secondary("gc.alloc.rate.norm").orElseThrow();
        assertEquals("B/op", alloc.unit());
        assertEquals(160.0, alloc.score(), 1e-3);
        JmhMetric count = decode.secondary("gc.count").orElseThrow();
        assertTrue(Double.isNaN(count.scoreError()), "JMH writes \"NaN\" as a string");
        assertEquals(4, decode.secondary().size());
    }

    @Test
    void sampleModeKeepsTheHistogramOfEveryIteration() throws Exception {
        JmhMetric echo = JmhJson.read(sample()).get(2).primary();
        assertEquals("us/op", echo.unit());
        assertEquals(98.176, echo.percentile(99.9));
        assertEquals(List.of(), echo.rawData());
        assertEquals(1, echo.rawDataHistogram().size());
        assertEquals(2, echo.rawDataHistogram().get(0).size());
        assertEquals(new JmhMetric.Bin(18.432, 30112), echo.rawDataHistogram().get(0).get(0).get(1));
    }

    @Test
    void singleShotWithoutErrorReadsNaN() throws Exception {
        JmhMetric start = JmhJson.read(sample()).get(3).primary();
        assertTrue(Double.isNaN(start.scoreError()));
        assertEquals(8.412345, start.score());
    }

    @Test
    void aFileThatIsNotJmhOutputSaysSo(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("jmh.json"), "{\"benchmark\": 1}");
        IOException e = assertThrows(IOException.class, () -> JmhJson.read(f));
        assertTrue(e.getMessage().contains("not a JMH JSON result"), e.getMessage());
    }
}
