package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ResultFilesTest {

    @Test
    void writesResultJsonHgrmAndAnHlogThatReadsBack(@TempDir Path dir) throws Exception {
        LoadResult r;
        try (TestFrameServer server = TestFrameServer.start()) {
            r = LoadGenerator.run(LoadPlan.to("127.0.0.1", server.port()).withLimits(l -> l.withConnections(2, 1))
                    .with(new OpenLoop(500, Arrivals.CONSTANT)).withBounds(b -> b.withWarmup(Duration.ofMillis(300)))
                    .withBounds(b -> b.forDuration(Duration.ofMillis(2_300))).withLimits(l -> l
                    .withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)).withOutDir(dir));
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertEquals("ok", json.get("status").asText(), r.invalidReasons().toString());
        assertEquals(0, json.get("exit_code").asInt());
        assertEquals("open", json.at("/config/mode").asText());
        assertEquals(500, json.at("/config/rate_per_second").asLong());
        assertEquals(r.requests().ok(), json.at("/requests/ok").asLong());
        assertEquals(r.requests().sent(), json.at("/requests/sent").asLong());
        assertTrue(json.at("/warmup_requests/ok").asLong() > 100);
        assertEquals(0, json.at("/errors/total").asLong());
        assertTrue(json.at("/latency_micros/p99").asDouble() > 0);
        assertTrue(json.at("/service_time_micros/p50").asDouble() > 0);
        assertTrue(json.at("/send_lag_micros/count").asLong() > 0);
        assertTrue(json.at("/throughput/ok_per_second").asDouble() > 400);
        assertEquals(2, json.at("/connections/open_at_end").asInt());
        assertTrue(json.at("/environment/cpu_count").asInt() > 0);
        assertTrue(json.at("/environment/transport").asText().matches("epoll|nio"));
        assertTrue(json.get("coordinated_omission_corrected").asBoolean());
        assertEquals(BuildInfo.current().version(), json.at("/netarena/version").asText());
        assertEquals(BuildInfo.current().commit(), json.at("/netarena/commit").asText());

        String hgrm = Files.readString(dir.resolve("latency.hgrm"));
        assertTrue(hgrm.contains("Value     Percentile TotalCount 1/(1-Percentile)"), hgrm);
        assertTrue(hgrm.contains("#[Max"), hgrm);
        assertTrue(Files.exists(dir.resolve("service.hgrm")));
        assertTrue(Files.exists(dir.resolve("send-lag.hgrm")));

        long total = 0;
        int intervals = 0;
        try (HistogramLogReader reader = new HistogramLogReader(dir.resolve("latency.hlog").toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                total += ((org.HdrHistogram.Histogram) h).getTotalCount();
                intervals++;
            }
            assertTrue(reader.getStartTimeSec() > 1_600_000_000, "a start time in the header");
        }
        assertTrue(intervals >= 2, "one interval per second, and the last part: " + intervals);
        assertEquals(r.latency().getTotalCount(), total, "the hlog holds every measured answer once");
        assertTrue(Files.readString(dir.resolve("latency.hlog")).contains("\"StartTimestamp\",\"Interval_Length\""));
    }

    @Test
    void theHlogsIntervalMaxIsInMillisecondsOfItsMicrosecondValues(@TempDir Path dir) throws Exception {
        try (IntervalLog log = IntervalLog.in(dir)) {
            log.begin(1_700_000_000_000L, "test");
            Histogram interval = LatencyRecorder.newHistogram();
            interval.recordValue(2_500); // 2.5 ms in microseconds
            log.append(interval, 1_700_000_000_000L, 1_700_000_001_000L);
        }
        Path file = dir.resolve(ResultFiles.LATENCY_HLOG);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            Histogram read = (Histogram) reader.nextIntervalHistogram();
            assertEquals(2_500_000, read.getMaxValue(), 5_000, "values in " + ResultFiles.HLOG_VALUE_UNIT);
        }
        String line = Files.readAllLines(file).stream().filter(l -> l.matches("^[0-9].*")).findFirst().orElseThrow();
        assertEquals(2.5, Double.parseDouble(line.split(",")[2]), 0.01, "Interval_Max in milliseconds: " + line);
        assertEquals(2_500, ResultFiles.readLatencyLog(file).getMaxValue(), 2);
    }

    /**
     * HdrHistogram's own processor, with its default options, reads the run's log as result.json reports it:
     * the same count, and percentiles and max in milliseconds that are result.json's microseconds.
     */
    @Test
    void histogramLogProcessorReadsTheLogAsResultJsonReportsIt(@TempDir Path dir) throws Exception {
        try (TestFrameServer server = TestFrameServer.start()) {
            LoadGenerator.run(LoadPlan.to("127.0.0.1", server.port()).with(new OpenLoop(1_000, Arrivals.POISSON))
                    .withBounds(b -> b.forDuration(Duration.ofMillis(2_500))).withLimits(l -> l
                    .withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)).withOutDir(dir));
        }
        Path out = dir.resolve("processed");
        new HistogramLogProcessor(new String[] {"-csv", "-i", dir.resolve(ResultFiles.LATENCY_HLOG).toString(),
                "-o", out.toString()}).run();
        List<String> rows = Files.readAllLines(out).stream().filter(l -> l.matches("^[0-9].*")).toList();
        assertTrue(rows.size() >= 2, "one row per interval: " + rows);
        String[] last = rows.getLast().split(",");
        JsonNode latency = new ObjectMapper().readTree(dir.resolve(ResultFiles.RESULT_JSON).toFile()).get("latency_micros");
        assertEquals(latency.get("count").asLong(), Long.parseLong(last[5]), "Total_Count");
        assertMillisOfMicros(latency.get("p50").asDouble(), last[6], "Total_50%");
        assertMillisOfMicros(latency.get("p99").asDouble(), last[8], "Total_99%");
        assertMillisOfMicros(latency.get("max").asDouble(), last[11], "Total_Max");
    }

    /** Equal within the printed 0.001 ms and the histograms' 3 significant digits. */
    private static void assertMillisOfMicros(double micros, String millis, String column) {
        assertEquals(micros, Double.parseDouble(millis) * 1000, 1 + micros * 0.002, column + " in milliseconds");
    }

    @Test
    void aRunThatCannotConnectStillWritesItsResult(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadResult r = LoadGenerator.run(LoadPlan.to("127.0.0.1", port).withOutDir(dir));
        assertEquals(LoadResult.EXIT_CONNECT_FAILED, r.exitCode());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
        assertEquals("connect_failed", json.get("status").asText());
        assertTrue(json.get("connect_failure").asText().contains("established 0 of 1"));
        try (HistogramLogReader reader = new HistogramLogReader(dir.resolve("latency.hlog").toFile())) {
            assertEquals(null, reader.nextIntervalHistogram());
        }
    }
}
