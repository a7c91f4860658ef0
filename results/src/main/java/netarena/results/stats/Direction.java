package netarena.results.stats;

/** Which way a metric gets better. The verdict reads a ratio current/baseline through this. */
public enum Direction {
    /** Throughput, requests per second: a ratio below 1 is a regression. */
    HIGHER_IS_BETTER,
    /** Latency percentiles, CPU per request, bytes allocated per op: a ratio above 1 is a regression. */
    LOWER_IS_BETTER;

    /** The verdict for a change that is real and beyond the noise threshold, going up when {@code increased}. */
    Verdict verdictFor(boolean increased) {
        boolean worse = increased == (this == LOWER_IS_BETTER);
        return worse ? Verdict.REGRESSED : Verdict.IMPROVED;
    }
}
