package netarena.results.stats;

import java.util.Locale;

/**
 * The rule from a ratio's intervals and a corrected p-value to a verdict. Pure; shared by the
 * comparison and the minimum-detectable-change calibration so both judge alike.
 *
 * <ul>
 *   <li>REGRESSED / IMPROVED: the whole interval is beyond {@code 1 ± threshold} on one side
 *       <em>and</em> the corrected p-value is below alpha. The interval asks "is it big enough to
 *       matter", the rank test "is it there at all", and only the test carries the correction.</li>
 *   <li>UNCHANGED: an equivalence test. The whole <em>expanded</em> interval (the percentile
 *       interval widened for small samples, {@link BootstrapRatio}) lies within
 *       {@code [1 - threshold, 1 + threshold]}: the data rule out a change as large as the
 *       threshold, not merely fail to show one.</li>
 *   <li>INCONCLUSIVE: anything else, with the reason and the regression these data could have
 *       detected (the change that would have moved the interval wholly past the threshold, or
 *       "none" where the test's floor cannot reach alpha with this many values and metrics).</li>
 * </ul>
 */
final class VerdictRule {

    /**
     * A verdict, the sentence that explains it and the smallest regression these data could have
     * shown (a relative change, infinite when none could; NaN for a decided metric).
     */
    record Decision(Verdict verdict, String reason, double detectableChange) {
    }

    private VerdictRule() {
    }

    /**
     * @param family metrics sharing the correction (1 under no correction): decides whether the
     *               exact test can reach alpha at all
     */
    static Decision decide(Direction direction, BootstrapIntervals intervals, double adjustedP, int baselineCount,
                           int currentCount, boolean paired, int family, ComparisonConfig config) {
        RatioInterval interval = intervals.decision();
        RatioInterval equivalence = intervals.equivalence();
        double threshold = config.noiseThreshold();
        String ci = String.format(Locale.ROOT, "%.0f%% CI %s..%s", interval.confidence() * 100,
                percent(interval.low()), percent(interval.high()));
        String what = paired ? "paired ratio " + percent(interval.ratio()) : percent(interval.ratio());
        if (equivalence.within(threshold)) {
            return new Decision(Verdict.UNCHANGED, String.format(Locale.ROOT,
                    "%s, small-sample interval %s..%s within ±%s", what, percent(equivalence.low()),
                    percent(equivalence.high()), plain(threshold)), Double.NaN);
        }
        double floor = paired ? WilcoxonSignedRankTest.smallestTwoSidedP(baselineCount)
                : MannWhitneyTest.smallestTwoSidedP(baselineCount, currentCount);
        double detectable = floor * family >= config.alpha() ? Double.POSITIVE_INFINITY
                : detectableRegression(direction, interval, threshold);
        String couldDetect = Double.isInfinite(detectable)
                ? String.format(Locale.ROOT, "no change could be shown: with %d%s values the smallest raw p is %.3g, "
                        + "times %d metric(s) not below %s", baselineCount, paired ? " paired" : " and " + currentCount,
                        floor, family, config.alpha())
                : "these data could have shown a regression of about " + plain(detectable);
        if (interval.within(threshold)) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "%s, %s within ±%s but the small-sample interval %s..%s is not: not shown unchanged; %s", what, ci,
                    plain(threshold), percent(equivalence.low()), percent(equivalence.high()), couldDetect), detectable);
        }
        boolean up = interval.above(threshold);
        if (!up && !interval.below(threshold)) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "%s, %s reaches across the ±%s noise threshold; %s", what, ci, plain(threshold), couldDetect),
                    detectable);
        }
        if (adjustedP < config.alpha()) {
            Verdict verdict = direction.verdictFor(up);
            return new Decision(verdict, String.format(Locale.ROOT, "%s, %s beyond ±%s; adjusted p=%.3g < %s%s",
                    what, ci, plain(threshold), adjustedP, config.alpha(), paired ? " (Wilcoxon signed-rank)" : ""),
                    Double.NaN);
        }
        return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                "%s, %s beyond ±%s but adjusted p=%.3g is not below %s (%s correction; with %d%s values "
                        + "the smallest raw p is %.3g)", what, ci, plain(threshold), adjustedP,
                config.alpha(), config.correction(), baselineCount, paired ? " paired" : " and " + currentCount, floor),
                detectable);
    }

    /**
     * The true change in the worse direction that would have put this interval wholly past the
     * threshold, the interval keeping its width on the log scale: for lower-is-better
     * {@code (1 + t) * ratio / low - 1}, for higher-is-better {@code 1 - (1 - t) * ratio / high}.
     */
    static double detectableRegression(Direction direction, RatioInterval interval, double threshold) {
        if (direction == Direction.LOWER_IS_BETTER) {
            return interval.low() <= 0 ? Double.POSITIVE_INFINITY
                    : Math.max(0, (1 + threshold) * interval.ratio() / interval.low() - 1);
        }
        return Double.isInfinite(interval.high()) ? Double.POSITIVE_INFINITY
                : Math.max(0, 1 - (1 - threshold) * interval.ratio() / interval.high());
    }

    private static String percent(double ratio) {
        if (Double.isInfinite(ratio)) {
            return "+inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    private static String plain(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", fraction * 100);
    }
}
