package netarena.results.stats;

/**
 * The comparison of one metric: estimate, interval, test and verdict. Fields a metric did not get
 * (too little data for a test) are NaN.
 *
 * @param cell           the sweep cell
 * @param metric         the metric's name with its unit
 * @param direction      which way is better
 * @param baselineCount  baseline repetitions
 * @param currentCount   current repetitions
 * @param baselineCentre median (or mean, per {@link ComparisonConfig#estimator()}) of the baseline values,
 *                       in the metric's unit
 * @param currentCentre  the same of the current values
 * @param ratio          currentCentre / baselineCentre; 1.0 is no change
 * @param ciLow          lower end of the bootstrap interval of the ratio
 * @param ciHigh         upper end of the bootstrap interval of the ratio
 * @param pValue         two-sided Mann-Whitney p-value, uncorrected
 * @param adjustedP      p-value after the comparison's multiple-comparison correction
 * @param verdict        what the comparison concludes
 * @param reason         one line a person can read: why this verdict
 * @param paired         true when the values were paired (ab's ABBA rounds) and the ratio, interval and
 *                       test are of the per-pair ratios
 * @param detectableChange for an INCONCLUSIVE metric, the regression (relative, e.g. 0.2 for 20%) these
 *                       data could have shown; infinite when none could; NaN for a decided metric
 */
public record MetricComparison(String cell, String metric, Direction direction, int baselineCount, int currentCount,
                               double baselineCentre, double currentCentre, double ratio, double ciLow,
                               double ciHigh, double pValue, double adjustedP, Verdict verdict, String reason,
                               boolean paired, double detectableChange) {

    /** {@code cell/metric}, how reports name this metric. */
    public String key() {
        return cell + "/" + metric;
    }

    /** The relative change, {@code ratio - 1}: +0.10 is 10% higher. */
    public double change() {
        return ratio - 1;
    }
}
