package netarena.results.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolSizerTest {

    @Test
    void recommendsTheSmallestPoolMeetingThePercentileSlo() {
        // 2,000 req/s of 10 ms work: 20 erlangs, so at least 21 threads; p99 <= 50 ms
        PoolRecommendation r = PoolSizer.recommend(2_000, 0.010, 0.99, 0.050);
        assertTrue(r.feasible());
        assertEquals(20, r.offeredLoad(), 1e-12);
        assertTrue(r.servers() >= 21);
        assertTrue(r.responsePercentileSeconds() <= 0.050);
        assertTrue(ErlangC.responsePercentileSeconds(2_000, 0.010, r.servers() - 1, 0.99) > 0.050,
                "one thread fewer must miss the SLO");
        assertEquals(20.0 / r.servers(), r.utilisation(), 1e-12);
        assertEquals("", r.reason());
    }

    @Test
    void aLooseSloNeedsOnlyLittlesFloorPlusOne() {
        PoolRecommendation r = PoolSizer.recommend(2_000, 0.010, 0.99, 10.0);
        assertEquals(21, r.servers());
    }

    @Test
    void anSloTighterThanTheServiceTimeItselfIsInfeasible() {
        // p99 of an exponential 10 ms service is 46 ms: no pool gets p99 under 40 ms
        PoolRecommendation r = PoolSizer.recommend(2_000, 0.010, 0.99, 0.040);
        assertFalse(r.feasible());
        assertTrue(r.reason().contains("service time alone"), r.reason());
    }
}
