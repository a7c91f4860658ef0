package netarena.results.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.DetectableChange;
import netarena.results.stats.MinimumDetectableChange;
import netarena.results.stats.NoiseEstimate;

/**
 * An A/A calibration: the same build measured twice, interleaved. From it, each metric's noise floor
 * ({@link NoiseEstimate#fromAa}) and the smallest change a comparison with these repetitions would
 * flag in 80% of runs ({@link MinimumDetectableChange}), per cell and, for choosing a threshold and a
 * repetition count, per metric over a ladder of repetition counts.
 *
 * @param first              the first A run
 * @param second             the second A run
 * @param config             the comparison settings the estimates assume (threshold, test, correction)
 * @param repetitionsPerSide the fewest values on a side among the metrics calibrated
 * @param metricsInFamily    how many metrics one comparison of these runs corrects over
 * @param cells              one entry per (cell, metric) with enough positive values
 * @param typical            per metric: the median noise over cells and the detectable change at
 *                           several repetition counts
 * @param warnings           what could not be calibrated, one sentence each
 */
public record Calibration(ComparableRun first, ComparableRun second, ComparisonConfig config, int repetitionsPerSide,
        int metricsInFamily, List<CellNoise> cells, List<TypicalNoise> typical, List<String> warnings) {

    /** Repetition counts the per-metric table shows besides the chosen one. */
    public static final List<Integer> LADDER = List.of(5, 8, 10, 15, 20);

    /** One cell's metric: its noise and what the chosen repetitions can detect. */
    public record CellNoise(String cell, Metric metric, NoiseEstimate noise, DetectableChange detectable) {
    }

    /**
     * @param metric      the metric
     * @param cells       cells it was calibrated in
     * @param medianLogSd the median over those cells of the log standard deviation
     * @param maxLogSd    the noisiest cell's
     * @param byRepetitions the detectable change at the median noise, by repetitions per side
     */
    public record TypicalNoise(Metric metric, int cells, double medianLogSd, double maxLogSd,
            Map<Integer, DetectableChange> byRepetitions) {
    }

    /**
     * Calibrates every comparable metric; each detectable change is a Monte Carlo of {@code trials}
     * simulated comparisons with {@code config}'s resamples, about a millisecond each.
     */
    public static Calibration of(ComparableRun first, ComparableRun second, ComparisonConfig config, int trials) {
        List<String> warnings = new ArrayList<>();
        List<Pair> pairs = pairs(first, second, config.minValuesPerSide(), warnings);
        int family = Math.max(1, pairs.size());
        int reps = pairs.stream().mapToInt(p -> Math.min(p.a().length, p.b().length)).min().orElse(0);
        List<CellNoise> cells = new ArrayList<>();
        Map<Metric, List<Double>> logSds = new LinkedHashMap<>();
        for (Pair p : pairs) {
            NoiseEstimate noise = NoiseEstimate.fromAa(p.cell(), p.metric().label(), p.a(), p.b());
            int n = Math.min(p.a().length, p.b().length);
            cells.add(new CellNoise(p.cell(), p.metric(), noise, MinimumDetectableChange.estimate(noise.logSd(), n,
                    family, MinimumDetectableChange.DEFAULT_POWER, trials, config)));
            logSds.computeIfAbsent(p.metric(), k -> new ArrayList<>()).add(noise.logSd());
        }
        TreeSet<Integer> ladder = new TreeSet<>(LADDER);
        if (reps >= config.minValuesPerSide()) {
            ladder.add(reps);
        }
        List<TypicalNoise> typical = new ArrayList<>();
        logSds.forEach((metric, sds) -> typical.add(typical(metric, sds, ladder, family, trials, config)));
        if (pairs.isEmpty()) {
            warnings.add("no metric could be calibrated: no cell OK in both runs with 2 or more values per side");
        }
        return new Calibration(first, second, config, reps, family, cells, typical, warnings);
    }

    /** One metric of one cell, with both runs' values. */
    private record Pair(String cell, Metric metric, double[] a, double[] b) {
    }

    /**
     * Every metric of every cell comparable in both runs ({@link Subject#comparable}: its OK repetitions,
     * none FAILED) with 2 or more positive values a side; why not, into warnings.
     */
    private static List<Pair> pairs(ComparableRun first, ComparableRun second, int minimum, List<String> warnings) {
        Map<String, Subject> secondById = new LinkedHashMap<>();
        second.subjects().forEach(s -> secondById.put(s.id(), s));
        List<Pair> pairs = new ArrayList<>();
        for (Subject a : first.subjects()) {
            Subject b = secondById.get(a.id());
            if (b == null) {
                warnings.add(a.id() + ": only in " + first.id());
                continue;
            }
            if (!a.comparable(minimum) || !b.comparable(minimum)) {
                warnings.add(a.id() + ": a FAILED repetition or too few OK ones (" + a.status() + " " + a.okUnits()
                        + " OK, " + b.status() + " " + b.okUnits() + " OK), not calibrated");
                continue;
            }
            if (!a.ok() || !b.ok()) {
                warnings.add(a.id() + ": calibrated on its OK repetitions (" + a.okUnits() + " and " + b.okUnits()
                        + "); the generator could not measure the others");
            }
            for (Map.Entry<Metric, double[]> e : a.values().entrySet()) {
                double[] x = e.getValue();
                double[] y = b.values().get(e.getKey());
                if (y == null || x.length < 2 || y.length < 2) {
                    warnings.add(a.id() + " " + e.getKey().label() + ": fewer than 2 values on a side");
                } else if (Arrays.stream(x).anyMatch(v -> v <= 0) || Arrays.stream(y).anyMatch(v -> v <= 0)) {
                    warnings.add(a.id() + " " + e.getKey().label() + ": a value of 0 has no logarithm, not calibrated");
                } else {
                    pairs.add(new Pair(a.id(), e.getKey(), x, y));
                }
            }
        }
        return pairs;
    }

    /** The median noise of a metric over its cells, and the change it lets each repetition count detect. */
    private static TypicalNoise typical(Metric metric, List<Double> sds, TreeSet<Integer> ladder, int family,
            int trials, ComparisonConfig config) {
        double[] sorted = sds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        Map<Integer, DetectableChange> byReps = new LinkedHashMap<>();
        for (int r : ladder) {
            byReps.put(r, MinimumDetectableChange.estimate(median, r, family, MinimumDetectableChange.DEFAULT_POWER,
                    trials, config));
        }
        return new TypicalNoise(metric, n, median, sorted[n - 1], byReps);
    }

    /** True when at least one metric was calibrated. */
    public boolean calibrated() {
        return !cells.isEmpty();
    }
}
