package netarena.results.stats;

/** What one metric's comparison concludes. */
public enum Verdict {
    /** The whole confidence interval is beyond the noise threshold on the worse side and the corrected p-value is below alpha. */
    REGRESSED,
    /** As {@link #REGRESSED}, on the better side. */
    IMPROVED,
    /** The whole confidence interval lies within plus or minus the noise threshold. */
    UNCHANGED,
    /** Anything else: too little data, too much noise, or a change that the corrected test cannot confirm. */
    INCONCLUSIVE;

    /** True for the verdicts that say something: every one but {@link #INCONCLUSIVE}. */
    public boolean decided() {
        return this != INCONCLUSIVE;
    }
}
