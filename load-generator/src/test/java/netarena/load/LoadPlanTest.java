package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPlanTest {

    private static String rule(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsAreAShortBoundedClosedLoop() {
        LoadPlan p = LoadPlan.to("127.0.0.1", 7000);
        assertFalse(p.openLoop());
        assertEquals(1, p.limits().connections());
        assertEquals(1, p.shape().pipeline());
        assertEquals(Duration.ofSeconds(10), p.bounds().duration());
        assertEquals(Duration.ofSeconds(2), p.bounds().drain());
        assertEquals("127.0.0.1:7000", p.target().hostPort());
        assertEquals("[::1]:7000", LoadPlan.to("::1", 7000).target().hostPort());
    }

    @Test
    void refusesWhatCannotBeRunWithTheBrokenRule() {
        LoadPlan p = LoadPlan.to("127.0.0.1", 7000);
        assertTrue(rule(() -> LoadPlan.to("", 1)).contains("target"));
        assertTrue(rule(() -> p.with(new OpenLoop(1000, Arrivals.CONSTANT)).withLimits(l -> l.withConnections(1, 2)))
                .contains("threads (2) must not exceed connections (1)"));
        // pipelining is closed-loop only, and arrivals need a rate: an open-loop shape has no depth to set
        assertEquals(1, new OpenLoop(1000, Arrivals.POISSON).pipeline());
        assertTrue(rule(() -> p.withLimits(l -> l.withSpin(Duration.ofMillis(2)))).contains("spin must be between 0 and 1 ms"));
        assertTrue(rule(() -> p.withLimits(l -> l.withMaxLagShare(0))).contains("max lag share must be above 0"));
        assertEquals(0, new ClosedLoop(4).ratePerSecond());
        assertTrue(rule(() -> new OpenLoop(0, Arrivals.POISSON)).contains("rate must be at least 1"));
        assertTrue(rule(() -> new ClosedLoop(0)).contains("pipeline must be between 1"));
        assertTrue(rule(() -> p.with(new OpenLoop(3_000_000, Arrivals.CONSTANT))).contains("add threads"));
        assertTrue(rule(() -> p.withRequest(q -> q.withOp(Op.CPU, 0, 2_000_000_000L))).contains("arg for cpu"));
        assertTrue(rule(() -> p.withBounds(b -> b.forDuration(Duration.ofHours(25)))).contains("duration"));
        assertTrue(rule(() -> p.withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("GET", "/", List.of(), 0)))).contains("--protocol http only"));
        LoadPlan http = p.withTarget(t -> t.withProtocol(WireProtocol.HTTP));
        assertTrue(rule(() -> http.withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("GET", "plaintext", List.of(), 0)))).contains("origin-form"));
        assertTrue(rule(() -> http.withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("HEAD", "/", List.of(), 0)))).contains("HEAD is not supported"));
        assertTrue(rule(() -> http.withRequest(q -> q
                .withHttp(HttpRequestSpec.routes(List.of("Content-Length: 5"))))).contains("body size"));
        assertTrue(rule(() -> http.withRequest(q -> q
                .withHttp(new HttpRequestSpec("POST", null, List.of(), 0)))).contains("needs a path"));
    }

    @Test
    void refusesMoreConnectionsThanTheMachineCanOpen() {
        long max = MachineLimits.maxOpenFiles();
        int tooMany = (int) Math.min(LoadLimits.MAX_CONNECTIONS, Math.max(max + 1, 100_000));
        String why = rule(() -> MachineLimits.check(LoadPlan.to("127.0.0.1", 7000).withLimits(l -> l
                .withConnections(tooMany, 1))));
        assertTrue(why.contains("--connections " + tooMany), why);
        assertTrue(why.contains("ulimit -n") || why.contains("ephemeral port range"), why);
    }

    @Test
    void readsTheEphemeralPortRange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("range");
        Files.writeString(f, "32768\t60999\n");
        assertEquals(28232, MachineLimits.ephemeralPorts(f));
        assertEquals(-1, MachineLimits.ephemeralPorts(dir.resolve("missing")));
    }
}
