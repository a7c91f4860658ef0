package netarena.server.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The scheduler is JVM-wide, so these tests only check what holds whatever ran before them in this JVM;
 * a fresh JVM's first call (the system-property path) is what {@code netarena serve} exercises.
 */
class CarrierThreadsTest {

    @Test
    void rejectsANegativeCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VirtualThreadServer.applyCarrierThreads(-1));
        assertEquals("carrier threads must be >= 0, was -1", e.getMessage());
    }

    @Test
    void zeroLeavesTheSchedulerAsItIs() {
        String before = System.getProperty(CarrierThreads.PARALLELISM);
        VirtualThreadServer.applyCarrierThreads(0);
        assertEquals(before, System.getProperty(CarrierThreads.PARALLELISM));
    }

    @Test
    void theSchedulerRunsOnTheCarriersLastApplied() throws Exception {
        VirtualThreadServer.applyCarrierThreads(3);
        Thread.ofVirtual().start(() -> { }).join();
        VirtualThreadServer.carrierThreads().ifPresent(n -> assertEquals(3, n));
        VirtualThreadServer.applyCarrierThreads(1);
        VirtualThreadServer.carrierThreads().ifPresent(n -> assertEquals(1, n));
    }
}
