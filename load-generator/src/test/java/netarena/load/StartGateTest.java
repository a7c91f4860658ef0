package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartGateTest {

    private static final long START_MILLIS = 1_800_000_000_000L;

    @Test
    void aLateAgentKeepsTheCommonInstantAsItsTimeZero() {
        Clock sevenMillisLate = Clock.fixed(Instant.ofEpochMilli(START_MILLIS).plusNanos(7_250_000), ZoneOffset.UTC);
        StartGate gate = StartGate.at(START_MILLIS, sevenMillisLate);

        long before = System.nanoTime();
        long zero = gate.open();

        assertEquals(7_250, gate.lateMicros());
        assertEquals(START_MILLIS * 1_000 + 7_250, gate.openedEpochMicros());
        assertTrue(zero <= before - 7_250_000 + (System.nanoTime() - before), "time zero lies 7.25 ms back");
    }

    @Test
    void withoutAnInstantTheGateOpensAtOnceAndIsNeverLate() {
        StartGate gate = StartGate.now();
        gate.open();
        assertEquals(0, gate.lateMicros());
        assertEquals(0, gate.startAtEpochMicros());
    }

    @Test
    void refusesAnInstantThatIsNotEpochMillis() {
        assertThrows(IllegalArgumentException.class, () -> StartGate.at(0));
    }
}
