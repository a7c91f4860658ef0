package netarena.experiments.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import netarena.results.run.CellKey;
import org.junit.jupiter.api.Test;

class AbOrderTest {

    private static final List<CellKey> CELLS = IntStream.rangeClosed(1, 6)
            .mapToObj(c -> new CellKey("selector", 1, 0, c, "echo", 64, 0, 0, "frame")).toList();

    @Test
    void everyCellIsMeasuredOnBothSidesOncePerRound() {
        List<AbOrder.Measurement> order = AbOrder.order(CELLS, 4, 7);
        assertEquals(CELLS.size() * 4 * 2, order.size());
        Set<AbOrder.Measurement> unique = new HashSet<>(order);
        assertEquals(order.size(), unique.size(), "no measurement twice");
        for (int i = 0; i < order.size(); i += 2) {
            AbOrder.Measurement first = order.get(i);
            AbOrder.Measurement second = order.get(i + 1);
            assertEquals(first.cell(), second.cell(), "the two sides of a cell run back to back");
            assertEquals(first.repetition(), second.repetition());
            assertNotEquals(first.side(), second.side());
        }
    }

    @Test
    void eachCellAlternatesWhichSideGoesFirstMakingAbbaBlocks() {
        List<AbOrder.Measurement> order = AbOrder.order(CELLS, 4, 7);
        for (CellKey cell : CELLS) {
            List<Side> firsts = new ArrayList<>();
            for (int i = 0; i < order.size(); i += 2) {
                if (order.get(i).cell().equals(cell)) {
                    firsts.add(order.get(i).side());
                }
            }
            assertEquals(4, firsts.size());
            for (int r = 1; r < firsts.size(); r++) {
                assertNotEquals(firsts.get(r - 1), firsts.get(r), cell + " rounds " + r + " and " + (r + 1));
            }
        }
    }

    @Test
    void roundsShuffleTheCellsAndTheSeedFixesTheOrder() {
        List<AbOrder.Measurement> a = AbOrder.order(CELLS, 3, 11);
        assertEquals(a, AbOrder.order(CELLS, 3, 11));
        assertNotEquals(a, AbOrder.order(CELLS, 3, 12));
        List<CellKey> round1 = IntStream.range(0, CELLS.size()).mapToObj(i -> a.get(2 * i).cell()).toList();
        List<CellKey> round2 = IntStream.range(CELLS.size(), 2 * CELLS.size()).mapToObj(i -> a.get(2 * i).cell()).toList();
        assertNotEquals(round1, round2, "each round is a fresh permutation");
        assertThrows(IllegalArgumentException.class, () -> AbOrder.order(CELLS, 0, 1));
    }
}
