package netarena.results.compare;

import java.util.ArrayList;
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

/**
 * Matches two runs subject by subject and compares every metric of the subjects OK in both with
 * {@link BaselineComparator}, one correction over all of them. Pure: files are read before
 * ({@link RunReader}) and written after ({@link VerdictFiles}).
 *
 * <p>A subject not OK in either run is listed as an {@link Exclusion}, never compared: its figures
 * describe a failure or the generator. A metric with no value on a side (e.g. CPU per request where
 * /proc could not be read) is left out with a warning rather than judged INCONCLUSIVE for "too little
 * data", which would read as a measurement.
 */
public final class RunComparator {

    /** Below this many repetitions per side only large changes are detected reliably (see docs/VERDICTS.md). */
    public static final int RECOMMENDED_REPETITIONS = 8;

    private final ComparisonConfig config;

    public RunComparator(ComparisonConfig config) {
        this.config = config;
    }

    public RunComparison compare(ComparableRun baseline, ComparableRun current) {
        Map<String, Subject> currentById = new LinkedHashMap<>();
        current.subjects().forEach(s -> currentById.put(s.id(), s));
        Set<String> baselineIds = new LinkedHashSet<>();
        List<MetricSamples> samples = new ArrayList<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<Exclusion> excluded = new ArrayList<>();
        List<String> onlyInBaseline = new ArrayList<>();
        Map<String, Integer> unknownMetric = new LinkedHashMap<>();
        for (Subject b : baseline.subjects()) {
            baselineIds.add(b.id());
            Subject c = currentById.get(b.id());
            if (c == null) {
                onlyInBaseline.add(b.id());
                continue;
            }
            if (!b.ok() || !c.ok()) {
                excluded.add(new Exclusion(b.id(), b.status(), b.reason(), c.status(), c.reason()));
                continue;
            }
            for (Map.Entry<Metric, double[]> e : b.values().entrySet()) {
                Metric metric = e.getKey();
                double[] cur = c.values().get(metric);
                if (cur == null || cur.length == 0 || e.getValue().length == 0) {
                    unknownMetric.merge(metric.label(), 1, Integer::sum);
                    continue;
                }
                metrics.put(metric.label(), metric);
                samples.add(new MetricSamples(b.id(), metric.label(), metric.direction(), e.getValue(), cur));
            }
        }
        List<String> onlyInCurrent = current.subjects().stream().map(Subject::id)
                .filter(id -> !baselineIds.contains(id)).toList();
        ComparisonReport report = new BaselineComparator(config).compare(samples);

        int fewest = samples.stream().mapToInt(s -> Math.min(s.baseline().length, s.current().length)).min().orElse(0);
        // the family is every metric compared, not only those with enough values now: the advice is for a rerun
        // in which all of them have enough, and the correction then divides alpha among all of them
        int family = config.correction() == Correction.NONE ? 1 : Math.max(1, samples.size());
        int needed = MinimumDetectableChange.minimumRepetitionsPerSide(family, config.alpha());
        List<String> warnings = warnings(baseline, current, samples.size(), excluded.isEmpty(), unknownMetric, fewest,
                needed);
        Map<String, MetricSamples> byKey = new LinkedHashMap<>();
        samples.forEach(s -> byKey.put(s.key(), s));
        return new RunComparison(baseline, current, report, byKey, metrics, excluded, onlyInBaseline, onlyInCurrent,
                warnings, fewest, needed);
    }

    /** What a reader of the verdict must know: too few repetitions, metrics one side lacks, the runs' problems. */
    private List<String> warnings(ComparableRun baseline, ComparableRun current, int compared, boolean noneExcluded,
            Map<String, Integer> unknownMetric, int fewest, int needed) {
        List<String> warnings = new ArrayList<>();
        if (compared > 0 && fewest < needed) {
            warnings.add(String.format(Locale.ROOT, "%d value(s) per side cannot show a significant change among %d "
                    + "metrics (%s correction, alpha %s): the exact test needs at least %d repetitions per side. "
                    + "Expect INCONCLUSIVE for every change; measure more repetitions.", fewest, compared,
                    VerdictMarkdown.correction(config), config.alpha(), needed));
        } else if (compared > 0 && fewest < RECOMMENDED_REPETITIONS) {
            warnings.add(String.format(Locale.ROOT, "only %d repetitions per side: a change must be large to be "
                    + "detected reliably (at 3%% noise, 5 per side catch a 10%% change about 40%% of the time); "
                    + "%d-10 per side are recommended", fewest, RECOMMENDED_REPETITIONS));
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
}
