package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import netarena.load.Arrivals;
import netarena.load.ErrorKind;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.OpenLoop;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.SloText;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam between the SLO search and the load generator: what a run says about the server, and the
 * search driven through the real generator against an in-process server at rates far below anything
 * it could miss (nothing here asserts a speed).
 */
@Timeout(60)
class LoadRateProbeTest {

    private static final LoadPlan PLAN = LoadPlan.to("127.0.0.1", 7000);

    private static LoadResult result(List<String> invalid, String connectFailure, long sent, long failed,
            long inFlight, long... latenciesMicros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long v : latenciesMicros) {
            h.recordValue(v);
        }
        var counts = new LoadResult.RequestCounts(sent, sent - failed - inFlight, failed, 0, inFlight, 0, 0, sent - failed - inFlight);
        return new LoadResult(PLAN, Instant.now(), null, connectFailure, false, invalid, 1.0, -1, counts,
                new LoadResult.RequestCounts(0, 0, 0, 0, 0, 0, 0, 0),
                new LoadResult.ErrorCounts(java.util.Map.of(ErrorKind.TIMEOUT, failed), new java.util.TreeMap<>()),
                new LoadResult.ConnectionCounts(1, 1, 0, 0, 1, 0), h, h, h, h, h, List.of());
    }

    @Test
    void aRunBecomesTheLatencyPercentileAndTheShareOfRequestsNotAnswered() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = (i + 1) * 100L;
        }
        ProbeResult p = LoadRateProbe.of(result(List.of(), null, 1_000, 5, 5, latencies), 0.99);
        assertFalse(p.generatorInvalid());
        assertEquals(9_900, p.latencyMicros(), 10);
        assertEquals(0.01, p.errorRatio(), 1e-12, "5 failed and 5 still in flight of 1,000 sent");
    }

    @Test
    void anInvalidGeneratorIsNotAServerFailure() {
        ProbeResult p = LoadRateProbe.of(result(List.of("send lag p99 31 ms over 10 ms"), null, 1_000, 0, 0, 100), 0.99);
        assertTrue(p.generatorInvalid());
        assertEquals("send lag p99 31 ms over 10 ms", p.invalidReason());
    }

    @Test
    void noConnectionOrNoAnswerIsEveryRequestFailed() {
        ProbeResult refused = LoadRateProbe.of(result(List.of(), "connection refused", 0, 0, 0), 0.99);
        assertEquals(1.0, refused.errorRatio());
        assertTrue(Double.isInfinite(refused.latencyMicros()));
        ProbeResult silent = LoadRateProbe.of(result(List.of(), null, 500, 0, 500), 0.99);
        assertEquals(1.0, silent.errorRatio());
        assertTrue(Double.isInfinite(silent.latencyMicros()), "no answer at all: no finite percentile");
    }

    @Test
    void theSloSearchRunsThroughTheGeneratorAgainstARealServer(@TempDir Path dir) throws Exception {
        try (Server server = ServerModel.SELECTOR.create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            LoadPlan template = LoadPlan.to("127.0.0.1", address.getPort()).withLimits(l -> l.withConnections(2, 1))
                    .withBounds(b -> b.forDuration(Duration.ofMillis(300)))
                    .withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1));
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            LoadRateProbe probe = new LoadRateProbe(() -> true,
                    rate -> template.with(new OpenLoop(rate, Arrivals.CONSTANT)), dir,
                    new PrintStream(progress, true));
            // an SLO no loopback server can miss at 100-200 requests/s: the search passes at its maximum rate
            CapacityAnswer.SloAnswer answer = SloCapacity.measure(SloText.parse("p99<=2s", 0.5), "p99<=2s",
                    SearchConfig.defaults(100, 200), probe, 1);
            SearchResult r = answer.search();
            assertEquals(SearchResult.Stop.PASSED_AT_MAX_RATE, r.stop(), r.reason() + "\n" + progress);
            assertEquals(200, r.highestPassingRatePerSecond());
            assertEquals(1, answer.confirmations().size(), "only a passing end to repeat");
            assertTrue(Files.isRegularFile(dir.resolve("01-100-per-s").resolve("result.json")));
            assertTrue(progress.toString().contains("probe  1: 100/s offered"), progress.toString());
        }
    }
}
