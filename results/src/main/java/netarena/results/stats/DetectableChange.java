package netarena.results.stats;

/**
 * The smallest relative change the comparison would flag for one metric, as estimated by
 * {@link MinimumDetectableChange}.
 *
 * @param relativeChange     e.g. 0.12: a 12% change is flagged in at least {@code power} of runs;
 *                           positive infinity when no change is ever flagged (see {@code note})
 * @param power              the share of runs that must flag it, e.g. 0.8
 * @param repetitionsPerSide repetitions of baseline and of current
 * @param metricsInFamily    metrics compared together, which the correction accounts for
 * @param logSd              the noise assumed, as the standard deviation of ln(value)
 * @param trials             simulated comparisons behind the estimate
 * @param note               what limits detection, for the report
 */
public record DetectableChange(double relativeChange, double power, int repetitionsPerSide, int metricsInFamily,
                               double logSd, int trials, String note) {

    /** True when some finite change would be flagged. */
    public boolean detectable() {
        return Double.isFinite(relativeChange);
    }
}
