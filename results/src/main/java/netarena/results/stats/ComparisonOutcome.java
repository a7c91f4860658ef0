package netarena.results.stats;

/**
 * What a whole comparison concludes, for the command line's exit code (suggested: REGRESSED 1,
 * UNDECIDED 2, NO_REGRESSION 0; only {@code main} exits).
 */
public enum ComparisonOutcome {
    /** At least one metric REGRESSED. */
    REGRESSED,
    /** No metric regressed and at least one was decided (UNCHANGED or IMPROVED). */
    NO_REGRESSION,
    /** Nothing was decided: no metrics, or every one INCONCLUSIVE (too little data, or too noisy). */
    UNDECIDED
}
