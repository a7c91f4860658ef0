package netarena.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import netarena.results.run.CellKey;
import org.junit.jupiter.api.Test;

class InterleavingTest {

    private static final List<CellKey> CELLS = IntStream.range(0, 12)
            .mapToObj(i -> new CellKey(i % 3 == 0 ? "selector" : i % 3 == 1 ? "async" : "virtual", 1, 0, 1 << i,
                    "echo", 64, 0, 0, "frame"))
            .toList();

    @Test
    void measuresEveryCellOncePerRepetition() {
        List<Interleaving.Measurement> order = Interleaving.order(CELLS, 3, 7);
        assertEquals(36, order.size());
        assertEquals(36, new HashSet<>(order).size());
    }

    @Test
    void neverRunsACellsRepetitionsBackToBack() {
        for (long seed = 0; seed < 200; seed++) {
            List<Interleaving.Measurement> order = Interleaving.order(CELLS, 3, seed);
            for (int i = 1; i < order.size(); i++) {
                assertNotEquals(order.get(i - 1).cell(), order.get(i).cell(), "seed " + seed + " position " + i);
            }
        }
    }

    @Test
    void shufflesEachRoundDifferentlyAndReproducibly() {
        List<Interleaving.Measurement> a = Interleaving.order(CELLS, 3, 42);
        assertEquals(a, Interleaving.order(CELLS, 3, 42), "same seed, same order");
        assertNotEquals(a, Interleaving.order(CELLS, 3, 43));
        List<CellKey> round1 = a.subList(0, 12).stream().map(Interleaving.Measurement::cell).toList();
        List<CellKey> round2 = a.subList(12, 24).stream().map(Interleaving.Measurement::cell).toList();
        assertNotEquals(round1, round2, "each round is its own permutation");
        assertNotEquals(CELLS, round1, "not plan order");
    }

    @Test
    void spreadsEachModelOverTheWholeRun() {
        // a model's measurements are not bunched at one end: its mean position is near the middle
        List<Interleaving.Measurement> order = Interleaving.order(CELLS, 3, 99);
        for (String model : Set.of("selector", "async", "virtual")) {
            double meanPosition = IntStream.range(0, order.size())
                    .filter(i -> order.get(i).cell().model().equals(model)).average().orElseThrow();
            assertTrue(Math.abs(meanPosition - 17.5) < 6, model + " mean position " + meanPosition);
        }
    }
}
