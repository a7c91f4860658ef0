package netarena.results.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One cell over its repetitions: a row of {@code results.csv}.
 *
 * <p>The status is OK when every repetition is OK, else the worst one (FAILED before INVALID before
 * GENERATOR_BOUND), and {@code reasons} says which repetition was not OK and why. The figures are over
 * the measured repetitions only (OK and GENERATOR_BOUND): a repetition that failed or that the generator
 * could not keep up with measured something else than the server. A cell without an OK repetition has {@link Spread#UNKNOWN} figures.
 *
 * @param okRepetitions repetitions whose status is OK or GENERATOR_BOUND, the ones the figures come from
 * @param cpuMicrosPerRequest the server's request threads' CPU per request (the headline cost); the JIT, GC
 *                      and other threads' shares are the {@code cpu*} figures after {@code rssPerConnectionKb}
 * @param generatorCpuMicrosPerRequest the generator's event loops' CPU per request
 * @param memoryPerConnectionKb what an idle connection holds (heap + native; see {@link ServerCost#memoryPerConnectionKb})
 */
public record CellSummary(CellKey key, CellStatus status, String reasons, int repetitions, int okRepetitions,
        Spread throughputPerSec, Spread p50Micros, Spread p99Micros, Spread p999Micros,
        Spread cpuMicrosPerRequest, Spread contextSwitchesPerRequest, Spread peakRssKb, Spread threads,
        Spread rssPerConnectionKb, Spread cpuJitMicrosPerRequest, Spread cpuGcMicrosPerRequest,
        Spread cpuOtherMicrosPerRequest, Spread generatorCpuMicrosPerRequest, Spread heapPerConnectionKb,
        Spread nativePerConnectionKb, Spread memoryPerConnectionKb) {

    /** Orders cells by workload, then model, io-threads, workers and connections. */
    public static final Comparator<CellKey> KEY_ORDER = Comparator.comparing(CellKey::workload)
            .thenComparing(CellKey::model)
            .thenComparingInt(CellKey::ioThreads)
            .thenComparingInt(CellKey::workers)
            .thenComparingInt(CellKey::connections);

    /** Groups repetitions by cell and summarizes each; the result is in {@link #KEY_ORDER}. */
    public static List<CellSummary> summarize(List<Repetition> repetitions) {
        Map<CellKey, List<Repetition>> byCell = new LinkedHashMap<>();
        for (Repetition r : repetitions) {
            byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r);
        }
        return byCell.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(KEY_ORDER))
                .map(e -> of(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Summarizes the repetitions of one cell. Repetitions that were not OK for the same reason share one
     * entry in {@code reasons}, e.g. {@code reps 1, 2, 3 FAILED: server did not start}.
     */
    public static CellSummary of(CellKey key, List<Repetition> reps) {
        CellStatus status = reps.isEmpty() ? CellStatus.FAILED : CellStatus.OK;
        Map<String, List<Integer>> repsByReason = new LinkedHashMap<>();
        List<Repetition> ok = new ArrayList<>();
        for (Repetition r : reps.stream().sorted(Comparator.comparingInt(Repetition::repetition)).toList()) {
            if (r.status().measured()) {
                ok.add(r);
                if (r.status() == CellStatus.OK) {
                    continue;
                }
            }
            status = worse(status, r.status());
            String why = r.reason() == null || r.reason().isBlank() ? "no reason given" : r.reason().strip();
            repsByReason.computeIfAbsent(r.status() + ": " + why, k -> new ArrayList<>()).add(r.repetition());
        }
        List<String> reasons = new ArrayList<>();
        repsByReason.forEach((why, numbers) -> reasons.add((numbers.size() == 1 ? "rep " : "reps ")
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " " + why));
        if (reps.isEmpty()) {
            reasons.add("no repetition was recorded");
        }
        return new CellSummary(key, status, String.join("; ", reasons), reps.size(), ok.size(),
                spread(ok, Repetition::throughputPerSec),
                spread(ok, Repetition::p50Micros),
                spread(ok, Repetition::p99Micros),
                spread(ok, Repetition::p999Micros),
                spread(ok, r -> cost(r).cpuMicrosPerRequest()),
                spread(ok, r -> cost(r).contextSwitchesPerRequest()),
                spread(ok, r -> cost(r).peakRssKb()),
                spread(ok, r -> cost(r).threads()),
                spread(ok, r -> cost(r).rssPerConnectionKb()),
                spread(ok, r -> cost(r).cpu().jitMicros()),
                spread(ok, r -> cost(r).cpu().gcMicros()),
                spread(ok, r -> cost(r).cpu().otherMicros()),
                spread(ok, r -> cost(r).generatorCpu().requestMicros()),
                spread(ok, r -> cost(r).heapPerConnectionKb()),
                spread(ok, r -> cost(r).nativePerConnectionKb()),
                spread(ok, r -> cost(r).memoryPerConnectionKb()));
    }

    /** True when the figures are a measurement: OK, or GENERATOR_BOUND (which a headline must name). */
    public boolean ok() {
        return status.measured();
    }

    public boolean generatorBound() {
        return status == CellStatus.GENERATOR_BOUND;
    }

    /** FAILED is worse than INVALID, which is worse than GENERATOR_BOUND, which is worse than OK. */
    public static CellStatus worse(CellStatus a, CellStatus b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(CellStatus s) {
        return switch (s) {
            case OK -> 0;
            case GENERATOR_BOUND -> 1;
            case INVALID -> 2;
            case FAILED -> 3;
        };
    }

    private static Spread spread(List<Repetition> reps, ToDoubleFunction<Repetition> figure) {
        return Spread.of(reps.stream().mapToDouble(figure).toArray());
    }

    private static ServerCost cost(Repetition r) {
        return r.cost() == null ? ServerCost.unknown() : r.cost();
    }
}
