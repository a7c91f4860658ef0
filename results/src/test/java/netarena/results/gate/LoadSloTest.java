package netarena.results.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netarena.load.Arrivals;
import netarena.load.LoadPlan;
import netarena.load.OpenLoop;
import org.junit.jupiter.api.Test;

/** Thresholds as k6 writes them, read into a metric, a comparison and a limit in the metric's unit. */
class LoadSloTest {

    private static final LoadPlan CLOSED = LoadPlan.to("127.0.0.1", 7000);
    private static final LoadPlan OPEN = CLOSED.with(new OpenLoop(2_000, Arrivals.CONSTANT));

    @Test
    void readsLatencyErrorsAndRateThresholds() {
        assertEquals(new LoadSlo("p99<=5ms", "p99", LoadSlo.Op.LE, 5_000), LoadSlo.parse("p99<=5ms", CLOSED));
        assertEquals(new LoadSlo("p99.9 < 800us", "p99.9", LoadSlo.Op.LT, 800), LoadSlo.parse("p99.9 < 800us", CLOSED));
        assertEquals(1_000_000, LoadSlo.parse("max<1s", CLOSED).limit());
        assertEquals(new LoadSlo("errors==0", "errors", LoadSlo.Op.EQ, 0), LoadSlo.parse("errors==0", CLOSED));
        assertEquals(0.001, LoadSlo.parse("error_rate<=0.1%", CLOSED).limit(), 1e-12);
        assertEquals(1_980, LoadSlo.parse("rate>=0.99*requested", OPEN).limit(), 1e-9);
        assertEquals(LoadSlo.Op.GE, LoadSlo.parse("rate>=0.99*requested", OPEN).op());
        assertEquals(5_000, LoadSlo.parse("rate>5000", CLOSED).limit());
    }

    @Test
    void refusesWhatItCannotCheckNamingTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadSlo.parse("fast", CLOSED)).getMessage()
                .contains("p99<=5ms"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadSlo.parse("p99<=5", CLOSED)).getMessage()
                .contains("needs a unit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadSlo.parse("p120<=5ms", CLOSED))
                .getMessage().contains("(0, 100]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LoadSlo.parse("rate>=0.99*requested", CLOSED)).getMessage().contains("--rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LoadSlo.parse("errors==none", CLOSED))
                .getMessage().contains("not a number"));
    }
}
