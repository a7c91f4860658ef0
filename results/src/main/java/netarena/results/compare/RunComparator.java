package netarena.results.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import netarena.results.stats.BaselineComparator;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.ComparisonReport;
import netarena.results.stats.Correction;
import netarena.results.stats.MetricSamples;
import netarena.results.stats.MinimumDetectableChange;
import netarena.results.stats.WilcoxonSignedRankTest;
import netarena.results.run.CellStatus;

/**
 * Matches two runs subject by subject and compares every metric of the subjects OK in both with
 * {@link BaselineComparator}, one correction over all of them. Pure: files are read before
 * ({@link RunReader}) and written after ({@link VerdictFiles}).
 *
 * <p>A subject is compared on its OK repetitions when neither side has a FAILED one and each side has at
 * least {@link ComparisonConfig#minValuesPerSide()} OK; the repetitions dropped (INVALID: the generator
 * could not measure them) are listed as {@link Dropped}. Any other subject is listed as an
 * {@link Exclusion}, never compared: its figures describe a failure. A metric with no value on a side (e.g. CPU per request where
 * /proc could not be read) is left out with a warning rather than judged INCONCLUSIVE for "too little
 * data", which would read as a measurement.
 */
public final class RunComparator {

    /** Below this many repetitions per side only large changes are detected reliably (see docs/VERDICTS.md). */
    public static final int RECOMMENDED_REPETITIONS = 8;
    /** A threshold from stored-run noise is capped here (relative): past it a comparison says nothing useful. */
    public static final double MAX_THRESHOLD = 0.99;

    private final ComparisonConfig config;
    private final boolean paired;
    private final RunNoise noise;

    /** Compares the two runs' repetitions as independent samples, every metric at the config's threshold. */
    public RunComparator(ComparisonConfig config) {
        this(config, false, null);
    }

    private RunComparator(ComparisonConfig config, boolean paired, RunNoise noise) {
        this.config = config;
        this.paired = paired;
        this.noise = noise;
    }

    /**
     * A comparator whose threshold per metric is the larger of the config's and the one the noise
     * between stored runs of the baseline build supports ({@link RunNoise#threshold}): a baseline from
     * another day cannot show a change smaller than its own day-to-day spread.
     */
    public RunComparator withNoise(RunNoise between) {
        return new RunComparator(config, paired, between);
    }

    /** The between-run noise thresholds come from, or null when every metric uses the config's. */
    public RunNoise noise() {
        return noise;
    }

    /**
     * A comparator for runs measured in pairs: repetition i of the baseline next to repetition i of the
     * current run (ab's rounds). Each metric is judged on the pairs whose both members are known, by the
     * per-pair ratios (Wilcoxon signed-rank, bootstrap over pairs).
     */
    public RunComparator paired() {
        return new RunComparator(config, true, noise);
    }

    public RunComparison compare(ComparableRun baseline, ComparableRun current) {
        Map<String, Subject> currentById = new LinkedHashMap<>();
        current.subjects().forEach(s -> currentById.put(s.id(), s));
        Set<String> baselineIds = new LinkedHashSet<>();
        List<MetricSamples> samples = new ArrayList<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<Exclusion> excluded = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        int minimum = config.minValuesPerSide();
        List<String> onlyInBaseline = new ArrayList<>();
        Map<String, Integer> unknownMetric = new LinkedHashMap<>();
        for (Subject b : baseline.subjects()) {
            baselineIds.add(b.id());
            Subject c = currentById.get(b.id());
            if (c == null) {
                onlyInBaseline.add(b.id());
                continue;
            }
            if (!b.comparable(minimum) || !c.comparable(minimum)) {
                excluded.add(new Exclusion(b.id(), b.status(), whyNot(b, minimum), c.status(), whyNot(c, minimum)));
                continue;
            }
            if (!b.ok()) {
                dropped.add(new Dropped(b.id(), "baseline", b.okUnits(), b.reason()));
            }
            if (!c.ok()) {
                dropped.add(new Dropped(c.id(), "current", c.okUnits(), c.reason()));
            }
            addSamples(b, c, samples, metrics, unknownMetric);
        }
        List<String> onlyInCurrent = current.subjects().stream().map(Subject::id)
                .filter(id -> !baselineIds.contains(id)).toList();
        int fallbacks = paired ? unpairWhereTooFewPairs(samples, baseline, current) : 0;
        ComparisonReport report = new BaselineComparator(config).compare(samples, s -> threshold(s.metric()));
        List<String> thresholds = thresholdSources(metrics.keySet());

        int fewest = samples.stream().mapToInt(s -> Math.min(s.baseline().length, s.current().length)).min().orElse(0);
        boolean pairsUsed = samples.stream().anyMatch(MetricSamples::paired);
        int needed = neededPerSide(samples.size(), pairsUsed);
        List<String> warnings = warnings(baseline, current, samples.size(), excluded.isEmpty(), dropped.size(),
                unknownMetric, fewest, needed, pairsUsed);
        if (fallbacks > 0) {
            warnings.add(unpairedWarning(fallbacks, samples.size()));
        }
        Map<String, MetricSamples> byKey = new LinkedHashMap<>();
        samples.forEach(s -> byKey.put(s.key(), s));
        return new RunComparison(baseline, current, report, byKey, metrics, excluded, dropped, onlyInBaseline,
                onlyInCurrent, warnings, thresholds, fewest, needed);
    }

    /**
     * Values per side (or pairs) with which the exact test can reach significance over {@code metrics}. The family
     * is every metric compared, not only those with enough values now: the advice is for a rerun in which all of
     * them have enough, and the correction then divides alpha among all of them.
     */
    private int neededPerSide(int metrics, boolean pairsUsed) {
        int family = config.correction() == Correction.NONE ? 1 : Math.max(1, metrics);
        return pairsUsed ? WilcoxonSignedRankTest.minimumPairs(family, config.alpha())
                : MinimumDetectableChange.minimumRepetitionsPerSide(family, config.alpha());
    }

    private static String unpairedWarning(int fallbacks, int metrics) {
        return String.format(Locale.ROOT, "%d metric(s) analysed unpaired: too few complete pairs left "
                + "(repetitions dropped on one side) for the signed-rank test over %d metrics, so their OK "
                + "repetitions are compared as independent samples", fallbacks, metrics);
    }

    /**
     * Where dropped repetitions left fewer complete pairs than the signed-rank test needs over this many
     * metrics, replaces the pairs by both sides' OK values as independent samples: a choice made from which
     * repetitions the generator could measure, never from the values, so it does not bias the verdict.
     * Returns how many metrics it replaced.
     */
    private int unpairWhereTooFewPairs(List<MetricSamples> samples, ComparableRun baseline, ComparableRun current) {
        int family = config.correction() == Correction.NONE ? 1 : Math.max(1, samples.size());
        int enough = WilcoxonSignedRankTest.minimumPairs(family, config.alpha());
        Map<String, Subject> baseById = new LinkedHashMap<>();
        baseline.subjects().forEach(s -> baseById.put(s.id(), s));
        Map<String, Subject> curById = new LinkedHashMap<>();
        current.subjects().forEach(s -> curById.put(s.id(), s));
        int replaced = 0;
        for (int i = 0; i < samples.size(); i++) {
            MetricSamples s = samples.get(i);
            if (s.baseline().length >= enough) {
                continue;
            }
            Subject b = baseById.get(s.cell());
            Metric metric = b.values().keySet().stream().filter(m -> m.label().equals(s.metric())).findFirst()
                    .orElseThrow();
            MetricSamples independent = unpaired(b, curById.get(s.cell()), metric);
            if (Math.min(independent.baseline().length, independent.current().length) > s.baseline().length) {
                samples.set(i, independent);
                replaced++;
            }
        }
        return replaced;
    }

    /** Every metric of a subject comparable on both sides, paired or not; a metric one side lacks is counted. */
    private void addSamples(Subject b, Subject c, List<MetricSamples> samples, Map<String, Metric> metrics,
            Map<String, Integer> unknownMetric) {
        for (Metric metric : b.values().keySet()) {
            MetricSamples s = paired ? pairs(b, c, metric) : unpaired(b, c, metric);
            if (s == null) {
                unknownMetric.merge(metric.label(), 1, Integer::sum);
                continue;
            }
            metrics.put(metric.label(), metric);
            samples.add(s);
        }
    }

    /** What a reader of the verdict must know: too few repetitions, dropped ones, metrics one side lacks, the runs' problems. */
    private List<String> warnings(ComparableRun baseline, ComparableRun current, int compared, boolean noneExcluded,
            int dropped, Map<String, Integer> unknownMetric, int fewest, int needed, boolean pairsUsed) {
        List<String> warnings = new ArrayList<>();
        String units = current.kind().equals("jmh") ? "forks" : pairsUsed ? "pairs" : "repetitions";
        String unit = fewest == 1 ? units.substring(0, units.length() - 1) : units;
        if (compared > 0 && fewest < needed) {
            warnings.add(String.format(Locale.ROOT, "%d %s per side cannot show a significant change among %d "
                    + "metrics (%s correction, alpha %s): the exact %s test needs at least %d. "
                    + "Expect INCONCLUSIVE for every change; measure more %s.", fewest, unit, compared,
                    VerdictMarkdown.correction(config), config.alpha(), pairsUsed ? "signed-rank" : "rank-sum", needed,
                    units));
        } else if (compared > 0 && fewest < RECOMMENDED_REPETITIONS) {
            warnings.add(String.format(Locale.ROOT, "only %d %s per side: a change must be large to be "
                    + "detected reliably (at 3%% noise, 5 per side catch a 10%% change about 40%% of the time); "
                    + "%d-10 per side are recommended", fewest, unit, RECOMMENDED_REPETITIONS));
        }
        if (dropped > 0) {
            warnings.add(dropped + " cell side(s) compared on their OK repetitions only; the dropped ones "
                    + "are listed");
        }
        unknownMetric.forEach((metric, cells) -> warnings.add(metric + " not compared in " + cells
                + " cell(s): no value on one side"));
        baseline.problems().forEach(p -> warnings.add("baseline " + baseline.id() + ": " + p));
        current.problems().forEach(p -> warnings.add("current " + current.id() + ": " + p));
        if (compared == 0 && noneExcluded) {
            warnings.add("no cell is in both runs: nothing to compare");
        }
        return warnings;
    }

    private double threshold(String metricLabel) {
        double fromNoise = noise == null ? Double.NaN : noise.threshold(metricLabel);
        return Double.isNaN(fromNoise) ? config.noiseThreshold() : Math.min(MAX_THRESHOLD,
                Math.max(config.noiseThreshold(), fromNoise));
    }

    /** One sentence per metric compared: its threshold and the noise it came from. */
    private List<String> thresholdSources(Collection<String> labels) {
        List<String> sources = new ArrayList<>();
        for (String label : labels) {
            double t = threshold(label);
            if (noise != null && !Double.isNaN(noise.threshold(label)) && t > config.noiseThreshold()) {
                sources.add(noise.describe(label) + (t < noise.threshold(label) ? ", capped at ±"
                        + Num.percent(t) : ""));
            } else {
                sources.add(String.format(Locale.ROOT, "%s: ±%s from --threshold%s", label,
                        Num.percent(config.noiseThreshold()), noise == null ? " (no stored runs of the baseline build "
                                + "given: the noise between days is not accounted for)"
                                : Double.isNaN(noise.threshold(label)) ? " (the stored runs do not have this metric)"
                                : " (above the between-run noise of the stored runs)"));
            }
        }
        return sources;
    }

    private static MetricSamples unpaired(Subject b, Subject c, Metric metric) {
        double[] base = b.values().get(metric);
        double[] cur = c.values().get(metric);
        if (cur == null || cur.length == 0 || base.length == 0) {
            return null;
        }
        return new MetricSamples(b.id(), metric.label(), metric.direction(), base, cur);
    }

    /** The values of the repetition numbers both sides know, in repetition order. */
    private static MetricSamples pairs(Subject b, Subject c, Metric metric) {
        double[] base = b.values().get(metric);
        double[] cur = c.values().get(metric);
        if (cur == null || cur.length == 0 || base.length == 0) {
            return null;
        }
        Map<Integer, Double> byUnit = new LinkedHashMap<>();
        int[] baseUnits = b.units().get(metric);
        for (int i = 0; i < base.length; i++) {
            byUnit.put(baseUnits[i], base[i]);
        }
        int[] curUnits = c.units().get(metric);
        List<double[]> matched = new ArrayList<>();
        for (int i = 0; i < cur.length; i++) {
            Double partner = byUnit.get(curUnits[i]);
            if (partner != null) {
                matched.add(new double[] {partner, cur[i]});
            }
        }
        return new MetricSamples(b.id(), metric.label(), metric.direction(),
                matched.stream().mapToDouble(p -> p[0]).toArray(), matched.stream().mapToDouble(p -> p[1]).toArray(),
                true);
    }

    private static String whyNot(Subject s, int minimum) {
        if (s.comparable(minimum) || s.status() == CellStatus.FAILED) {
            return s.reason();
        }
        String few = String.format(Locale.ROOT, "%d OK, at least %d needed", s.okUnits(), minimum);
        return s.reason().isEmpty() ? few : few + "; " + s.reason();
    }
}
