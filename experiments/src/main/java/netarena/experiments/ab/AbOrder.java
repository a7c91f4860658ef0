package netarena.experiments.ab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import netarena.results.run.CellKey;

/**
 * The order of an A/B run's measurements: rounds of repetitions; in each round the cells in a fresh
 * random order, and each cell measured on both sides back to back. A cell's first round takes a
 * random side first, and every later round swaps it (AB, BA, AB, ...), so two rounds make an ABBA
 * block: a drift of the machine (warming up, a neighbour's job starting) that is linear over a block
 * falls on both sides alike instead of on whichever side ran later. Seeded: a run can be repeated in
 * the same order.
 */
public final class AbOrder {

    /** One measurement: a cell, its repetition number on its side (1-based), and the side. */
    public record Measurement(CellKey cell, int repetition, Side side) {
    }

    private AbOrder() {
    }

    public static List<Measurement> order(List<CellKey> cells, int repeat, long seed) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        Random random = new Random(seed);
        Map<CellKey, Side> firstSide = new HashMap<>();
        for (CellKey cell : cells) {
            firstSide.put(cell, random.nextBoolean() ? Side.BASELINE : Side.CANDIDATE);
        }
        List<Measurement> order = new ArrayList<>(cells.size() * repeat * 2);
        List<CellKey> round = new ArrayList<>(cells);
        for (int r = 1; r <= repeat; r++) {
            Collections.shuffle(round, random);
            for (CellKey cell : round) {
                Side first = r % 2 == 1 ? firstSide.get(cell) : firstSide.get(cell).other();
                order.add(new Measurement(cell, r, first));
                order.add(new Measurement(cell, r, first.other()));
            }
        }
        return order;
    }
}
