package netarena.results.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Compares a baseline against a current run, metric by metric, and corrects for comparing many
 * metrics at once. The entry point behind {@code netarena compare}. Pure and thread-safe: the
 * result depends only on the inputs and the config.
 *
 * <p>Per metric: the ratio current/baseline of the medians (or means, per config) with a percentile bootstrap interval
 * ({@link BootstrapRatio}), a two-sided Mann-Whitney p-value ({@link MannWhitneyTest}); for paired
 * samples the median of the per-pair ratios, a bootstrap over pairs and the exact Wilcoxon signed-rank
 * test of the log ratios ({@link WilcoxonSignedRankTest}). Then the
 * p-values of every metric that had enough data go through one correction (Holm by default) and
 * {@link VerdictRule} decides. A metric with fewer than {@code minValuesPerSide} values on a side,
 * or a zero baseline centre under a non-zero current one, is INCONCLUSIVE and takes no part in the
 * correction.
 */
public final class BaselineComparator {

    private final ComparisonConfig config;

    public BaselineComparator(ComparisonConfig config) {
        this.config = config;
    }

    /** A comparator with {@link ComparisonConfig#defaults()}. */
    public static BaselineComparator withDefaults() {
        return new BaselineComparator(ComparisonConfig.defaults());
    }

    public ComparisonConfig config() {
        return config;
    }

    /** Compares every metric at the config's threshold and applies the correction across all of them. */
    public ComparisonReport compare(List<MetricSamples> samples) {
        return compare(samples, s -> config.noiseThreshold());
    }

    /**
     * As {@link #compare(List)}, each metric judged at its own threshold (e.g. one from the noise
     * between stored runs); the test and the correction do not depend on it.
     */
    public ComparisonReport compare(List<MetricSamples> samples, ToDoubleFunction<MetricSamples> thresholdOf) {
        int count = samples.size();
        BootstrapIntervals[] intervals = new BootstrapIntervals[count];
        double[] pValues = new double[count];
        String[] skipped = new String[count];
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MetricSamples s = samples.get(i);
            skipped[i] = whyUntestable(s);
            pValues[i] = Double.NaN;
            if (skipped[i] == null) {
                intervals[i] = BootstrapRatio.of(config.estimator(), s.baseline(), s.current(), config.confidence(),
                        config.resamples(), seedFor(s), s.paired());
                pValues[i] = s.paired() ? WilcoxonSignedRankTest.twoSidedP(logRatios(s))
                        : MannWhitneyTest.twoSidedP(s.baseline(), s.current());
                tested.add(i);
            }
        }
        double[] adjusted = adjustTested(pValues, tested);
        int family = config.correction() == Correction.NONE ? 1 : Math.max(1, tested.size());
        List<MetricComparison> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ComparisonConfig judged = config.withNoiseThreshold(thresholdOf.applyAsDouble(samples.get(i)));
            results.add(result(samples.get(i), intervals[i], pValues[i], adjusted[i], skipped[i], family, judged));
        }
        return new ComparisonReport(config, results, ComparisonReport.outcomeOf(results));
    }

    private MetricComparison result(MetricSamples s, BootstrapIntervals intervals, double p, double adjustedP,
                                    String skipped, int family, ComparisonConfig judged) {
        double[] base = s.baseline();
        double[] cur = s.current();
        double baseCentre = base.length == 0 ? Double.NaN : config.estimator().of(base);
        double curCentre = cur.length == 0 ? Double.NaN : config.estimator().of(cur);
        if (skipped != null) {
            double ratio = base.length == 0 || cur.length == 0 ? Double.NaN : SampleMath.ratio(curCentre, baseCentre);
            return new MetricComparison(s.cell(), s.metric(), s.direction(), base.length, cur.length, baseCentre,
                    curCentre, ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.INCONCLUSIVE, skipped,
                    s.paired(), Double.POSITIVE_INFINITY);
        }
        VerdictRule.Decision decision = VerdictRule.decide(s.direction(), intervals, adjustedP, base.length,
                cur.length, s.paired(), family, judged);
        RatioInterval interval = intervals.decision();
        return new MetricComparison(s.cell(), s.metric(), s.direction(), base.length, cur.length, baseCentre,
                curCentre, interval.ratio(), interval.low(), interval.high(), p, adjustedP, decision.verdict(),
                decision.reason(), s.paired(), decision.detectableChange());
    }

    private String whyUntestable(MetricSamples s) {
        int b = s.baseline().length;
        int c = s.current().length;
        if (b < config.minValuesPerSide() || c < config.minValuesPerSide()) {
            return String.format(Locale.ROOT, "too little data: %d baseline and %d current values, need at least %d per side",
                    b, c, config.minValuesPerSide());
        }
        if (config.estimator().of(s.baseline()) == 0 && config.estimator().of(s.current()) != 0) {
            return "baseline " + config.estimator().name().toLowerCase(Locale.ROOT) + " is 0 and current is not: no ratio to judge";
        }
        return null;
    }

    /** ln(current[i] / baseline[i]) of every pair; a pair with a 0 on one side counts as no change, the signed-rank test's zero. */
    private static double[] logRatios(MetricSamples s) {
        double[] ratios = BootstrapRatio.perPair(s.baseline(), s.current());
        double[] logs = new double[ratios.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Double.isInfinite(ratios[i]) || ratios[i] == 0 ? 0 : Math.log(ratios[i]);
        }
        return logs;
    }

    private double[] adjustTested(double[] pValues, List<Integer> tested) {
        double[] raw = new double[tested.size()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = pValues[tested.get(k)];
        }
        double[] corrected = config.correction().adjust(raw);
        double[] adjusted = new double[pValues.length];
        java.util.Arrays.fill(adjusted, Double.NaN);
        for (int k = 0; k < raw.length; k++) {
            adjusted[tested.get(k)] = corrected[k];
        }
        return adjusted;
    }

    private long seedFor(MetricSamples s) {
        return config.seed() ^ (s.key().hashCode() * 0x9E3779B97F4A7C15L);
    }
}
