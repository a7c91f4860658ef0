package netarena.experiments.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import netarena.results.run.CellKey;

/**
 * The order of a sweep's measurements: repetition rounds, each a fresh random permutation of every
 * cell, so a slow drift of the machine (thermal, a neighbour's job) spreads over all models instead of
 * falling on whichever ran last. Seeded, so a run can be repeated in the same order.
 */
public final class Interleaving {

    /** One measurement: a cell and its repetition number (1-based). */
    public record Measurement(CellKey cell, int repetition) {
    }

    private Interleaving() {
    }

    public static List<Measurement> order(List<CellKey> cells, int repeat, long seed) {
        Random random = new Random(seed);
        List<Measurement> order = new ArrayList<>(cells.size() * repeat);
        List<CellKey> round = new ArrayList<>(cells);
        CellKey lastOfPreviousRound = null;
        for (int r = 1; r <= repeat; r++) {
            Collections.shuffle(round, random);
            // never measure the same cell twice in a row across a round boundary
            if (round.size() > 1 && round.get(0).equals(lastOfPreviousRound)) {
                Collections.swap(round, 0, 1 + random.nextInt(round.size() - 1));
            }
            for (CellKey cell : round) {
                order.add(new Measurement(cell, r));
            }
            lastOfPreviousRound = round.get(round.size() - 1);
        }
        return order;
    }
}
