package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import netarena.results.capacity.Slo;
import org.junit.jupiter.api.Test;

class CapacitySettingsTest {

    private static CapacityRunner.Settings settings(Duration maxLag) {
        return new CapacityRunner.Settings("selector", 1, 0, "echo", 64, 0, "frame", 32, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(3), maxLag);
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
