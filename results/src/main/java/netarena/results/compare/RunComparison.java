package netarena.results.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netarena.results.stats.ComparisonOutcome;
import netarena.results.stats.ComparisonReport;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.MetricSamples;
import netarena.results.stats.Verdict;

/**
 * The whole answer of {@code netarena compare}: the per-metric comparison of the subjects OK in both
 * runs, the subjects listed instead of compared, and what the repetitions can and cannot show.
 *
 * @param baseline       the baseline run
 * @param current        the current run
 * @param report         one {@link MetricComparison} per (subject, metric) compared, in subject order
 * @param samples        the values behind each comparison, by {@link MetricSamples#key()}
 * @param metrics        the metric behind each name, for units and directions
 * @param excluded       subjects in both runs but not comparable in one of them (a FAILED repetition, or
 *                       too few OK ones)
 * @param dropped        subjects compared on their OK repetitions, with the repetitions dropped and why
 * @param onlyInBaseline subjects the current run does not have
 * @param onlyInCurrent  subjects the baseline does not have
 * @param warnings       what limits this comparison, one sentence each (too few repetitions, skipped
 *                       metrics, damaged rows), for stderr and every output
 * @param thresholds     one sentence per metric: its threshold and which noise it came from (the
 *                       {@code --threshold} option, or the spread between stored runs of the baseline build)
 * @param fewestValues   the fewest values on a side among the metrics compared; 0 when none were
 * @param neededPerSide  the repetitions per side the exact test needs to reach significance at all
 *                       with this many metrics and this correction
 */
public record RunComparison(ComparableRun baseline, ComparableRun current, ComparisonReport report,
        Map<String, MetricSamples> samples, Map<String, Metric> metrics, List<Exclusion> excluded, List<Dropped> dropped, List<String> onlyInBaseline,
        List<String> onlyInCurrent, List<String> warnings, List<String> thresholds, int fewestValues, int neededPerSide) {

    /** Exit code: nothing regressed. */
    public static final int EXIT_NO_REGRESSION = 0;
    /** Exit code: a metric regressed, or a subject the baseline served FAILED in the current run. */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code: invalid input, or too little data to decide anything. */
    public static final int EXIT_UNDECIDED = 2;

    public RunComparison {
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        excluded = List.copyOf(excluded);
        dropped = List.copyOf(dropped);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        warnings = List.copyOf(warnings);
        thresholds = List.copyOf(thresholds);
    }

    /** The comparison as a whole: REGRESSED also when a subject was broken by the current run. */
    public ComparisonOutcome outcome() {
        if (excluded.stream().anyMatch(Exclusion::brokenByCurrent)) {
            return ComparisonOutcome.REGRESSED;
        }
        return report.outcome();
    }

    public int exitCode() {
        return switch (outcome()) {
            case REGRESSED -> EXIT_REGRESSION;
            case NO_REGRESSION -> EXIT_NO_REGRESSION;
            case UNDECIDED -> EXIT_UNDECIDED;
        };
    }

    public Metric metric(MetricComparison m) {
        return metrics.get(m.metric());
    }

    /** The current run's values behind {@code m}. */
    public double[] currentValues(MetricComparison m) {
        return samples.get(m.key()).current();
    }

    /**
     * The metrics sorted by effect: REGRESSED, INCONCLUSIVE, IMPROVED, UNCHANGED, and within each the
     * largest change first (by |ln ratio|, so +25% and -20% weigh alike).
     */
    public List<MetricComparison> byEffect() {
        return report.metrics().stream()
                .sorted(Comparator.comparingInt((MetricComparison m) -> rank(m.verdict()))
                        .thenComparing(Comparator.comparingDouble(RunComparison::effect).reversed()))
                .toList();
    }

    /** |ln ratio|; 0 when the ratio is unknown, infinity for a change from 0. */
    static double effect(MetricComparison m) {
        double r = m.ratio();
        if (Double.isNaN(r) || r < 0) {
            return 0;
        }
        return r == 0 || Double.isInfinite(r) ? Double.POSITIVE_INFINITY : Math.abs(Math.log(r));
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case REGRESSED -> 0;
            case INCONCLUSIVE -> 1;
            case IMPROVED -> 2;
            case UNCHANGED -> 3;
        };
    }

    /** How many metrics got each verdict. */
    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v, (long) report.withVerdict(v).size());
        }
        return counts;
    }

    /** One line for the top of every output, e.g. {@code REGRESSED: 2 of 25 metrics regressed, ...}. */
    public String headline() {
        Map<Verdict, Long> c = counts();
        long broken = excluded.stream().filter(Exclusion::brokenByCurrent).count();
        String counts = String.format(Locale.ROOT, "%d regressed, %d improved, %d unchanged, %d inconclusive of %d "
                + "metrics compared", c.get(Verdict.REGRESSED), c.get(Verdict.IMPROVED), c.get(Verdict.UNCHANGED),
                c.get(Verdict.INCONCLUSIVE), report.metrics().size());
        List<String> more = new ArrayList<>();
        if (broken > 0) {
            more.add(broken + " cell(s) failed in the current run only");
        }
        if (excluded.size() > broken) {
            more.add((excluded.size() - broken) + " cell(s) not compared (invalid or failed)");
        }
        if (!onlyInBaseline.isEmpty() || !onlyInCurrent.isEmpty()) {
            more.add((onlyInBaseline.size() + onlyInCurrent.size()) + " cell(s) in one run only");
        }
        return outcome() + ": " + counts + (more.isEmpty() ? "" : "; " + String.join("; ", more));
    }
}
