package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import netarena.results.merge.MergedFiles;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --agents N}: N real agent JVMs against one server, merged. */
@Timeout(120)
class LocalAgentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AGENTS = 2;

    /** Lenient --max-lag and a long start lead: the test machine is shared and starts JVMs slowly. */
    @Test
    void mergedCountsAreTheAgentsSumAndMergedPercentilesThoseOfTheirHistogramsAdded(@TempDir Path out)
            throws Exception {
        try (Server server = ServerModel.SELECTOR.create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            CliRun r = CliRun.of("load", "--target", "127.0.0.1:" + address.getPort(), "--connections", "2",
                    "--rate", "400", "--requests", "400", "--max-lag", "5s", "--agents", Integer.toString(AGENTS),
                    "--start-lead", "15s", "--quiet", "--out", out.toString());
            assertTrue(r.code() == 0 || r.code() == 2, "exit " + r.code() + ": " + r.err());

            JsonNode merged = JSON.readTree(out.resolve("result.json").toFile());
            Histogram byHand = new Histogram(3);
            long sent = 0;
            long ok = 0;
            for (int i = 0; i < AGENTS; i++) {
                Path agent = MergedFiles.agentDir(out, i);
                JsonNode result = JSON.readTree(agent.resolve("result.json").toFile());
                sent += result.path("requests").path("sent").asLong();
                ok += result.path("requests").path("ok").asLong();
                assertEquals(1, result.path("config").path("connections").asInt(), "agent " + i + " has its share");
                byHand.add(hlogTotal(agent.resolve("latency.hlog").toFile()));
            }
            assertEquals(400, sent, "each agent sent its half of the request budget");
            assertEquals(sent, merged.path("requests").path("sent").asLong());
            assertEquals(ok, merged.path("requests").path("ok").asLong());
            assertEquals(byHand.getTotalCount(), merged.path("latency_micros").path("count").asLong());
            // the agents' hlogs hold nanoseconds (HdrHistogram's convention), the merged figures microseconds:
            // equal within the histograms' precision (3 significant digits)
            assertWithinPrecision(byHand.getValueAtPercentile(99), merged.path("latency_micros").path("p99"));
            assertWithinPrecision(byHand.getValueAtPercentile(50), merged.path("latency_micros").path("p50"));
            assertWithinPrecision(byHand.getMaxValue(), merged.path("latency_micros").path("max"));
            assertEquals(AGENTS, merged.path("agents").size());
            assertTrue(merged.path("merge").path("start_skew_micros").asLong() >= 0);
        }
    }

    private static void assertWithinPrecision(double nanos, JsonNode micros) {
        assertEquals(nanos / 1_000, micros.asDouble(), micros.asDouble() * 0.002 + 1, "hlog " + nanos + " ns");
    }

    private static Histogram hlogTotal(File hlog) throws Exception {
        Histogram total = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(hlog);
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            total.add((Histogram) h);
        }
        reader.close();
        return total;
    }
}
