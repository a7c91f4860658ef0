package netarena.results.stats;

import java.util.Locale;

/**
 * The rule from an interval and a corrected p-value to a verdict. Pure; shared by the comparison
 * and the minimum-detectable-change calibration so both judge alike.
 *
 * <ul>
 *   <li>REGRESSED / IMPROVED: the whole interval is beyond {@code 1 ± threshold} on one side
 *       <em>and</em> the corrected p-value is below alpha. The interval asks "is it big enough to
 *       matter", the rank test "is it there at all", and only the test carries the correction.</li>
 *   <li>UNCHANGED: the whole interval lies within {@code [1 - threshold, 1 + threshold]}.</li>
 *   <li>INCONCLUSIVE: anything else, with the reason.</li>
 * </ul>
 */
final class VerdictRule {

    /** A verdict and the sentence that explains it. */
    record Decision(Verdict verdict, String reason) {
    }

    private VerdictRule() {
    }

    static Decision decide(Direction direction, RatioInterval interval, double adjustedP, int baselineCount,
                           int currentCount, ComparisonConfig config) {
        double threshold = config.noiseThreshold();
        String ci = String.format(Locale.ROOT, "%.0f%% CI %s..%s", interval.confidence() * 100,
                percent(interval.low()), percent(interval.high()));
        if (interval.within(threshold)) {
            return new Decision(Verdict.UNCHANGED, String.format(Locale.ROOT, "%s %s, %s within ±%s",
                    interval.ratio() >= 1 ? "up" : "down", percent(interval.ratio()), ci, plain(threshold)));
        }
        boolean up = interval.above(threshold);
        if (!up && !interval.below(threshold)) {
            return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                    "%s, %s reaches across the ±%s noise threshold", percent(interval.ratio()), ci, plain(threshold)));
        }
        if (adjustedP < config.alpha()) {
            Verdict verdict = direction.verdictFor(up);
            return new Decision(verdict, String.format(Locale.ROOT, "%s, %s beyond ±%s; adjusted p=%.3g < %s",
                    percent(interval.ratio()), ci, plain(threshold), adjustedP, config.alpha()));
        }
        double floor = MannWhitneyTest.smallestTwoSidedP(baselineCount, currentCount);
        return new Decision(Verdict.INCONCLUSIVE, String.format(Locale.ROOT,
                "%s, %s beyond ±%s but adjusted p=%.3g is not below %s (%s correction; with %d and %d values "
                        + "the smallest raw p is %.3g)", percent(interval.ratio()), ci, plain(threshold), adjustedP,
                config.alpha(), config.correction(), baselineCount, currentCount, floor));
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
