package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Little's law across the wire on constructed pool measurements whose in-flight counts are known. */
class InFlightCheckTest {

    @Test
    void aConsistentMeasurementHolds() {
        // 3 workers, 2,000/s of a 1 ms BLOCK, 1.8 ms out at the generator: 3.6 out, 2 on a worker
        InFlightFinding f = InFlightCheck.check(new InFlight(3, 2_000, 1_800, 1_000));
        assertTrue(f.checked());
        assertFalse(f.violated(), f.hint());
        assertEquals(3.6, f.generatorInFlight(), 1e-9);
        assertEquals(2.0, f.serverInFlight(), 1e-9);
        assertEquals(1.6, f.waitingOrInTransit(), 1e-9, "queued or on the wire");
    }

    @Test
    void failsWhenTheGeneratorHadFewerOutThanTheServerHeld() {
        // the generator says 600 us out (timed from a late write), the server held each 1 ms: 1.2 out, 2 held
        InFlightFinding f = InFlightCheck.check(new InFlight(3, 2_000, 600, 1_000));
        assertTrue(f.violated());
        assertEquals(InFlightCheck.SERVER_ABOVE_GENERATOR, f.hint());
    }

    @Test
    void failsWhenMoreWorkersAreBusyThanThePoolHas() {
        // 4,000/s answered by 3 workers of 1 ms each is 4 busy workers: the throughput is not this pool's
        InFlightFinding f = InFlightCheck.check(new InFlight(3, 4_000, 5_000, 1_000));
        assertTrue(f.violated());
        assertEquals(InFlightCheck.ABOVE_POOL, f.hint());
        assertFalse(InFlightCheck.check(new InFlight(3, 3_200, 5_000, 1_000)).violated(), "3.2 is within 10% of 3");
        assertTrue(InFlightCheck.check(new InFlight(3, 3_200, 5_000, 1_000), 0.05).violated(), "not within 5%");
    }

    @Test
    void anUnknownFigureChecksNothing() {
        InFlightFinding f = InFlightCheck.check(new InFlight(3, 2_000, 1_800, Double.NaN));
        assertFalse(f.checked());
        assertFalse(f.violated());
        assertFalse(InFlightCheck.check(new InFlight(3, 0, 1_800, 1_000)).checked(), "no answers");
        assertThrows(IllegalArgumentException.class, () -> new InFlight(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> InFlightCheck.check(new InFlight(1, 1, 1, 1), -0.1));
    }
}
