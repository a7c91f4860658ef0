package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netarena.experiments.sut.LaunchedServers;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadDefaults;
import netarena.results.capacity.Slo;
import netarena.results.run.CellKey;
import org.junit.jupiter.api.Test;

class CapacitySettingsTest {

    private static CapacityRunner.Settings settings(String model, String workerPool, String protocol,
            HttpRequestSpec http, Duration maxLag) {
        return new CapacityRunner.Settings(model, 1, 0, workerPool, "echo", 64, 0, protocol, http, 32, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3), maxLag, LoadDefaults.MAX_LAG_SHARE);
    }

    private static CapacityRunner.Settings settings(Duration maxLag) {
        return settings("selector", "fixed", "frame", HttpRequestSpec.ROUTES, maxLag);
    }

    private static CapacityRunner.Settings settings(String workerPool, Duration maxLag) {
        return settings("selector", workerPool, "frame", HttpRequestSpec.ROUTES, maxLag);
    }

    @Test
    void theSubjectAndEveryServerNameThePoolKind() {
        CapacityRunner.Settings elastic = settings("elastic", Duration.ofMillis(10));
        assertEquals("selector io-threads 1 workers sized for the rate (elastic pool), echo 64 B arg 0, frame",
                elastic.subject(true));
        CellKey server = elastic.lagBoundedBy(new Slo(0.99, 5_000, 0.001)).cell(3, 32);
        assertEquals("elastic", server.workerPool());
        List<String> args = LaunchedServers.serveArgs(server, List.of());
        assertEquals("elastic", args.get(args.indexOf("--worker-pool") + 1));
        assertFalse(LaunchedServers.serveArgs(settings(Duration.ofMillis(10)).cell(3, 32), List.of())
                .contains("--worker-pool"),
                "the default kind is left unsaid, so that a baseline built before the option still starts");
    }

    @Test
    void maxLagIsAtMostATenthOfTheSlo() {
        Slo p99Under5ms = new Slo(0.99, 5_000, 0.001);
        assertEquals(Duration.ofMillis(10), settings(Duration.ofMillis(10)).maxLag());
        assertEquals(Duration.ofMillis(5).dividedBy(10), settings(Duration.ofMillis(10)).lagBoundedBy(p99Under5ms).maxLag());
    }

    @Test
    void aTighterMaxLagStays() {
        CapacityRunner.Settings tight = settings(Duration.ofNanos(200_000));
        assertSame(tight, tight.lagBoundedBy(new Slo(0.99, 5_000, 0.001)));
    }

    @Test
    void namesALaunchedModelWithItsSettingsAndATargetByItsAddress() {
        assertEquals("selector io-threads 1 workers 0 (fixed pool), echo 64 B arg 0, frame", settings(Duration.ofMillis(10))
                .subject(false));
        HttpRequestSpec plaintext = HttpRequestSpec.custom(null, "/plaintext", List.of(), 0);
        assertEquals("target:127.0.0.1:8080, GET /plaintext, http", settings(CellKey.targetModel("127.0.0.1:8080"), "fixed",
                "http", plaintext, Duration.ofMillis(10)).subject(false));
    }

    @Test
    void refusesACustomHttpRequestOverFrameBeforeAnyServerStarts() {
        HttpRequestSpec plaintext = HttpRequestSpec.custom(null, "/plaintext", List.of(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("selector", "fixed", "frame", plaintext, Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("--protocol http"), e.getMessage());
    }
}
