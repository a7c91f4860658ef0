package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import netarena.experiments.cell.CellServer;
import netarena.results.run.CellKey;
import netarena.results.capacity.Slo;
import org.junit.jupiter.api.Test;

class CapacitySettingsTest {

    private static CapacityRunner.Settings settings(Duration maxLag) {
        return settings("fixed", maxLag);
    }

    private static CapacityRunner.Settings settings(String workerPool, Duration maxLag) {
        return new CapacityRunner.Settings("selector", 1, 0, workerPool, "echo", 64, 0, "frame", 32, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3), maxLag);
    }

    @Test
    void theSubjectAndEveryServerNameThePoolKind() {
        CapacityRunner.Settings elastic = settings("elastic", Duration.ofMillis(10));
        assertEquals("selector io-threads 1 workers sized for the rate (elastic pool), echo 64 B arg 0, frame",
                elastic.subject(true));
        CellKey server = elastic.lagBoundedBy(new Slo(0.99, 5_000, 0.001)).cell(3, 32);
        assertEquals("elastic", server.workerPool());
        List<String> args = CellServer.serveArgs(server, List.of());
        assertEquals("elastic", args.get(args.indexOf("--worker-pool") + 1));
        assertFalse(CellServer.serveArgs(settings(Duration.ofMillis(10)).cell(3, 32), List.of()).contains("--worker-pool"),
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
}
