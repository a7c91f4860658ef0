package netarena.results.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import netarena.results.run.CellKey;
import netarena.results.run.CellSummary;

/**
 * The choices behind one workload's charts, made once so that every chart and table of the workload
 * shows the same cells:
 *
 * <ul>
 * <li>each model is drawn at its <em>best setting</em>: the (io-threads, workers, pool kind) whose OK cells
 *     reached the highest median throughput at any connection count;</li>
 * <li>the per-model charts (latency spectrum, CPU, memory) use the <em>focus connections</em>: the
 *     connection count at which the most models have an OK cell at their best setting, the largest on
 *     a tie;</li>
 * <li>pool-size charts use the connection count with the most models measured at two or more pool
 *     sizes, the other pool dimension and the pool kind held at the model's best setting.</li>
 * </ul>
 *
 * Cells that are not OK are never drawn; the tables show them with their reasons.
 */
final class WorkloadView {

    /** The order models are listed in, as the README lists them; models not named here follow by name. */
    private static final List<String> MODEL_ORDER = List.of("thread-per-client", "selector", "async", "virtual",
            "netty-nio", "netty-epoll", "netty-io_uring");

    /** A server pool setting: {@code --io-threads}, {@code --workers} and the {@code --worker-pool} kind. */
    record Setting(int ioThreads, int workers, String workerPool, boolean external) {
        static Setting of(CellKey k) {
            return new Setting(k.ioThreads(), k.workers(), k.workerPool(), k.externalTarget());
        }

        /**
         * e.g. {@code io=1 w=8 elastic}: the pool kind beside the pool size; an external target's threads are
         * its own, not netarena's to set.
         */
        String label() {
            return external ? "its own threads"
                    : "io=" + (ioThreads == 0 ? "auto" : ioThreads) + " w=" + workers + " " + workerPool;
        }
    }

    /** The pool dimension a pool-size chart varies. */
    enum Pool {
        IO_THREADS("io-threads", CellKey::ioThreads, CellKey::workers),
        WORKERS("workers", CellKey::workers, CellKey::ioThreads);

        final String label;
        final ToIntFunction<CellKey> varied;
        final ToIntFunction<CellKey> held;

        Pool(String label, ToIntFunction<CellKey> varied, ToIntFunction<CellKey> held) {
            this.label = label;
            this.varied = varied;
            this.held = held;
        }
    }

    private final String workload;
    private final List<CellSummary> cells;
    private final List<String> models;
    private final Map<String, Setting> best = new LinkedHashMap<>();
    private final int focusConnections;

    WorkloadView(String workload, List<CellSummary> cells) {
        this.workload = workload;
        this.cells = List.copyOf(cells);
        this.models = cells.stream().map(c -> c.key().model()).distinct().sorted(WorkloadView::compareModels).toList();
        for (String m : models) {
            best.put(m, chooseBest(m));
        }
        this.focusConnections = chooseFocus();
    }

    static int compareModels(String a, String b) {
        int ia = MODEL_ORDER.indexOf(a);
        int ib = MODEL_ORDER.indexOf(b);
        ia = ia < 0 ? MODEL_ORDER.size() : ia;
        ib = ib < 0 ? MODEL_ORDER.size() : ib;
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    String workload() {
        return workload;
    }

    List<CellSummary> cells() {
        return cells;
    }

    List<String> models() {
        return models;
    }

    Setting best(String model) {
        return best.get(model);
    }

    /** The connection count of the per-model charts; -1 when the workload has no cell. */
    int focusConnections() {
        return focusConnections;
    }

    /** All connection counts of the workload, ascending. */
    List<Integer> connections() {
        return cells.stream().map(c -> c.key().connections()).distinct().sorted().toList();
    }

    /** The cell of a model at its best setting and the given connections, OK or not. */
    Optional<CellSummary> cell(String model, int connections) {
        Setting s = best.get(model);
        return cells.stream()
                .filter(c -> c.key().model().equals(model) && Setting.of(c.key()).equals(s)
                        && c.key().connections() == connections)
                .findFirst();
    }

    /** The cell a per-model chart shows for {@code model}: best setting, focus connections. */
    Optional<CellSummary> focus(String model) {
        return cell(model, focusConnections);
    }

    /** True when the workload's cells run at a fixed rate (open loop): every model does the same work. */
    boolean openLoop() {
        return !cells.isEmpty() && cells.get(0).key().openLoop();
    }

    /**
     * The headline cell at the focus connections (each model at its best setting), among measured cells:
     * in closed loop the highest median throughput; in open loop, where every model ran at the same rate
     * and throughput says nothing, the lowest median p99, then p50. Empty when none is measured. A
     * GENERATOR_BOUND cell can win: whoever names it says so.
     */
    Optional<CellSummary> winner() {
        var measured = models.stream().map(this::focus).flatMap(Optional::stream).filter(CellSummary::ok);
        if (openLoop()) {
            return measured.filter(c -> c.p99Micros().known() && c.p50Micros().known())
                    .min(Comparator.comparingDouble((CellSummary c) -> c.p99Micros().median())
                            .thenComparingDouble(c -> c.p50Micros().median()));
        }
        return measured.filter(c -> c.throughputPerSec().known())
                .max(Comparator.comparingDouble(c -> c.throughputPerSec().median()));
    }

    /** The settings {@code model} was measured at in this workload, each with its peak median throughput (NaN: none measured). */
    Map<Setting, Double> settingsOf(String model) {
        Map<Setting, Double> peak = new LinkedHashMap<>();
        for (CellSummary c : cells) {
            if (c.key().model().equals(model)) {
                double t = c.ok() && c.throughputPerSec().known() ? c.throughputPerSec().median() : Double.NaN;
                peak.merge(Setting.of(c.key()), t, (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b));
            }
        }
        return peak;
    }

    /** The OK cells of a model at its best setting, by connections. */
    List<CellSummary> okLine(String model) {
        return cells.stream()
                .filter(c -> c.ok() && c.key().model().equals(model) && Setting.of(c.key()).equals(best.get(model)))
                .sorted(Comparator.comparingInt(c -> c.key().connections()))
                .toList();
    }

    /** The connection count a pool-size chart uses, or empty when no model was measured at two pool sizes. */
    Optional<Integer> poolConnections(Pool pool) {
        int bestCount = 0;
        Integer chosen = null;
        for (int c : connections()) {
            int count = 0;
            for (String m : models) {
                if (poolCells(m, pool, c).size() >= 2) {
                    count++;
                }
            }
            if (count > 0 && count >= bestCount) {
                bestCount = count;
                chosen = c;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /**
     * Every cell (OK or not) of a model at {@code connections} with the held dimension and the pool kind at its
     * best setting, by pool size.
     */
    List<CellSummary> poolCells(String model, Pool pool, int connections) {
        Setting s = best.get(model);
        int held = pool == Pool.IO_THREADS ? s.workers() : s.ioThreads();
        TreeMap<Integer, CellSummary> bySize = new TreeMap<>();
        for (CellSummary c : cells) {
            CellKey k = c.key();
            if (k.model().equals(model) && k.connections() == connections && pool.held.applyAsInt(k) == held
                    && k.workerPool().equals(s.workerPool())) {
                bySize.putIfAbsent(pool.varied.applyAsInt(k), c);
            }
        }
        return new ArrayList<>(bySize.values());
    }

    /** True when the workload holds more than one setting for some model (so the choice matters). */
    boolean settingsVary() {
        return models.stream().anyMatch(m -> cells.stream().filter(c -> c.key().model().equals(m))
                .map(c -> Setting.of(c.key())).distinct().count() > 1);
    }

    private Setting chooseBest(String model) {
        Map<Setting, Double> peak = new LinkedHashMap<>();
        Setting first = null;
        for (CellSummary c : cells) {
            if (!c.key().model().equals(model)) {
                continue;
            }
            Setting s = Setting.of(c.key());
            first = first == null ? s : first;
            if (c.ok() && c.throughputPerSec().known()) {
                peak.merge(s, c.throughputPerSec().median(), Math::max);
            }
        }
        return peak.entrySet().stream()
                .max(Map.Entry.<Setting, Double>comparingByValue()
                        .thenComparing(e -> -(e.getKey().ioThreads() + e.getKey().workers())))
                .map(Map.Entry::getKey)
                .orElse(first);
    }

    private int chooseFocus() {
        TreeSet<Integer> all = new TreeSet<>(connections());
        int chosen = all.isEmpty() ? -1 : all.last();
        int bestCount = 0;
        for (int c : all) {
            int count = 0;
            for (String m : models) {
                if (cell(m, c).filter(CellSummary::ok).isPresent()) {
                    count++;
                }
            }
            if (count > 0 && count >= bestCount) {
                bestCount = count;
                chosen = c;
            }
        }
        return chosen;
    }
}
