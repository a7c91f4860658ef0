package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LittleLawCheckTest {

    @Test
    void consistentPointsPass() {
        // 64 clients, 32,000 req/s, 2 ms mean: 32,000 * 0.002 = 64
        List<LittleFinding> findings = LittleLawCheck.check(List.of(new LittlePoint(64, 32_000, 0.002),
                new LittlePoint(64, 30_000, 0.002)));
        assertFalse(findings.get(0).violated());
        assertEquals(64, findings.get(0).impliedConcurrency(), 1e-9);
        assertEquals(0, findings.get(0).relativeDeviation(), 1e-12);
        assertFalse(findings.get(1).violated(), "6% below is within 10%");
        assertEquals("", findings.get(1).hint());
    }

    @Test
    void aGeneratorBoundRunShowsFewerRequestsInFlight() {
        // the server answers in 1 ms but the generator only manages 40,000 req/s with 64 clients:
        // 40 in flight, 37.5% below
        LittleFinding finding = LittleLawCheck.check(List.of(new LittlePoint(64, 40_000, 0.001))).get(0);
        assertTrue(finding.violated());
        assertEquals(-0.375, finding.relativeDeviation(), 1e-12);
        assertEquals(LittleLawCheck.BELOW, finding.hint());
    }

    @Test
    void countingErrorsInThroughputButNotInResponseTimeShowsMoreInFlight() {
        LittleFinding finding = LittleLawCheck.check(List.of(new LittlePoint(10, 8_000, 0.002))).get(0);
        assertTrue(finding.violated());
        assertEquals(0.6, finding.relativeDeviation(), 1e-12);
        assertEquals(LittleLawCheck.ABOVE, finding.hint());
    }

    @Test
    void theToleranceIsConfigurable() {
        LittlePoint point = new LittlePoint(100, 9_400, 0.01);
        assertFalse(LittleLawCheck.check(List.of(point), 0.10).get(0).violated());
        assertTrue(LittleLawCheck.check(List.of(point), 0.05).get(0).violated());
        assertThrows(IllegalArgumentException.class, () -> LittleLawCheck.check(List.of(point), -1));
        assertThrows(IllegalArgumentException.class, () -> new LittlePoint(0, 1, 1));
    }
}
