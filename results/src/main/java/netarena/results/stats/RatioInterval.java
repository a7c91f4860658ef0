package netarena.results.stats;

/**
 * A ratio current/baseline with its confidence interval; 1.0 is no change, 1.10 is 10% higher.
 *
 * @param ratio      the point estimate, e.g. median(current) / median(baseline)
 * @param low        the lower end of the interval
 * @param high       the upper end of the interval
 * @param confidence the interval's nominal coverage, e.g. 0.95
 */
public record RatioInterval(double ratio, double low, double high, double confidence) {

    /** True when the whole interval lies within [1 - threshold, 1 + threshold]. */
    public boolean within(double threshold) {
        return low >= 1 - threshold && high <= 1 + threshold;
    }

    /** True when the whole interval lies above 1 + threshold. */
    public boolean above(double threshold) {
        return low > 1 + threshold;
    }

    /** True when the whole interval lies below 1 - threshold. */
    public boolean below(double threshold) {
        return high < 1 - threshold;
    }
}
