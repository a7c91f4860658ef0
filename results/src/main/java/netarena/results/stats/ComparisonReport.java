package netarena.results.stats;

import java.util.List;

/**
 * The result of comparing a baseline against a current run over every metric at once.
 *
 * @param config  the settings that produced it
 * @param metrics one comparison per input metric, in input order
 * @param outcome the comparison as a whole
 */
public record ComparisonReport(ComparisonConfig config, List<MetricComparison> metrics, ComparisonOutcome outcome) {

    public ComparisonReport {
        metrics = List.copyOf(metrics);
    }

    /** The metrics with this verdict, in input order. */
    public List<MetricComparison> withVerdict(Verdict verdict) {
        return metrics.stream().filter(m -> m.verdict() == verdict).toList();
    }

    /** How many metrics got a verdict other than INCONCLUSIVE. */
    public long decidedCount() {
        return metrics.stream().filter(m -> m.verdict().decided()).count();
    }

    static ComparisonOutcome outcomeOf(List<MetricComparison> metrics) {
        if (metrics.stream().anyMatch(m -> m.verdict() == Verdict.REGRESSED)) {
            return ComparisonOutcome.REGRESSED;
        }
        if (metrics.stream().anyMatch(m -> m.verdict().decided())) {
            return ComparisonOutcome.NO_REGRESSION;
        }
        return ComparisonOutcome.UNDECIDED;
    }
}
