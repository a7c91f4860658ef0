package netarena.experiments.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ErlangC;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloText;
import org.junit.jupiter.api.Test;

/** The pool question over a simulated M/M/c pool: sized by Erlang C, measured at that size and one below. */
class PoolCapacityTest {

    @Test
    void poolIsSizedByErlangCAndMeasuredAtThatSizeAndOneBelow() {
        double serviceMicros = 1_000;
        List<Integer> measured = new ArrayList<>();
        PoolProbe probe = new PoolProbe() {
            @Override
            public double serviceMeanMicros(double rate) {
                return serviceMicros;
            }

            @Override
            public ProbeResult measure(int workers, double rate, double quantile) {
                measured.add(workers);
                return ProbeResult.measured(ErlangC.responsePercentileSeconds(rate, serviceMicros / 1e6, workers,
                        quantile) * 1e6 * 0.9, 0);
            }
        };
        Slo slo = SloText.parse("p99<=5ms", 0.001);
        CapacityAnswer.PoolAnswer p = PoolCapacity.measure(3_000, slo, "p99<=5ms", 100, probe);
        int n = p.recommendation().servers();
        assertEquals(5, n, "a 1 ms service at 3,000/s is 3 erlangs; a p99 of 5 ms needs a fifth worker");
        assertEquals(List.of(n, n - 1), measured);
        assertTrue(p.checks().get(0).meetsSlo());
        assertFalse(p.checks().get(1).meetsSlo(), "one below the recommendation misses (the model is exact here)");
        CapacityAnswer.PoolAnswer unstableBelow = PoolCapacity.measure(3_000, SloText.parse("p99<=10ms", 0), "p99<=10ms",
                100, probe);
        assertEquals(4, unstableBelow.recommendation().servers());
        assertEquals(1, unstableBelow.checks().size(), "3 workers for 3 erlangs never keep up: not measured");
        assertEquals(p.recommendation().responsePercentileSeconds() * 1e6, p.checks().get(0).predictedMicros(), 1e-6);
    }
}
