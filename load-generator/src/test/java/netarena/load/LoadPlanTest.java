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
        assertEquals(1, p.connections());
        assertEquals(1, p.pipeline());
        assertEquals(Duration.ofSeconds(10), p.duration());
        assertEquals(Duration.ofSeconds(2), p.drain());
        assertEquals("127.0.0.1:7000", p.target());
        assertEquals("[::1]:7000", LoadPlan.to("::1", 7000).target());
    }

    @Test
    void refusesWhatCannotBeRunWithTheBrokenRule() {
        LoadPlan p = LoadPlan.to("127.0.0.1", 7000);
        assertTrue(rule(() -> LoadPlan.to("", 1)).contains("target"));
        assertTrue(rule(() -> p.withRate(1000, Arrivals.CONSTANT).withClosedLoop(4).withRate(1000, Arrivals.CONSTANT)
                .withConnections(1, 2)).contains("threads (2) must not exceed connections (1)"));
        assertTrue(rule(() -> new LoadPlan("h", 1, p.protocol(), 1, 1, 4, 1000, Arrivals.CONSTANT, 1, p.duration(), 0,
                p.warmup(), Op.ECHO, 1, 0, p.http(), p.timeout(), p.connectTimeout(), p.maxLag(), null))
                .contains("pipeline applies to closed loop only"));
        assertTrue(rule(() -> p.withRate(3_000_000, Arrivals.CONSTANT)).contains("add threads"));
        assertTrue(rule(() -> p.withRequest(Op.CPU, 0, 2_000_000_000L)).contains("arg for cpu"));
        assertTrue(rule(() -> p.withDuration(Duration.ofHours(25))).contains("duration"));
        assertTrue(rule(() -> p.withHttp(HttpRequestSpec.custom("GET", "/", List.of(), 0))).contains("--protocol http only"));
        LoadPlan http = p.withProtocol(WireProtocol.HTTP);
        assertTrue(rule(() -> http.withHttp(HttpRequestSpec.custom("GET", "plaintext", List.of(), 0))).contains("origin-form"));
        assertTrue(rule(() -> http.withHttp(HttpRequestSpec.custom("HEAD", "/", List.of(), 0))).contains("HEAD is not supported"));
        assertTrue(rule(() -> http.withHttp(HttpRequestSpec.routes(List.of("Content-Length: 5")))).contains("body size"));
        assertTrue(rule(() -> http.withHttp(new HttpRequestSpec("POST", null, List.of(), 0))).contains("needs a path"));
        assertTrue(rule(() -> new LoadPlan("h", 1, p.protocol(), 1, 1, 1, 0, Arrivals.POISSON, 1, p.duration(), 0,
                p.warmup(), Op.ECHO, 1, 0, p.http(), p.timeout(), p.connectTimeout(), p.maxLag(), null)).contains("needs a rate"));
    }

    @Test
    void refusesMoreConnectionsThanTheMachineCanOpen() {
        long max = MachineLimits.maxOpenFiles();
        int tooMany = (int) Math.min(LoadPlan.MAX_CONNECTIONS, Math.max(max + 1, 100_000));
        String why = rule(() -> MachineLimits.check(LoadPlan.to("127.0.0.1", 7000).withConnections(tooMany, 1)));
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
