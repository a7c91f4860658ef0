package netarena.results.capacity;

/**
 * One probe of the search, in the order taken.
 *
 * @param index         0, 1, 2, ... in probing order
 * @param phase         climbing the staircase or bisecting
 * @param ratePerSecond the rate offered
 * @param result        what the probe measured
 * @param outcome       pass, fail, or invalid generator
 * @param note          why it failed or was invalid; empty on a pass
 */
public record SearchStep(int index, Phase phase, double ratePerSecond, ProbeResult result, Outcome outcome,
                         String note) {

    /** Where in the search a step was taken. */
    public enum Phase {
        /** Climbing (or, when the start rate fails, halving) to bracket the limit. */
        STAIRCASE,
        /** Halving the bracket between the highest pass and the lowest failure. */
        BISECTION
    }

    /** What one step says about the server. */
    public enum Outcome {
        /** The SLO held. */
        PASS,
        /** The SLO did not hold. */
        FAIL,
        /** The generator could not hold the rate; nothing learned about the server. */
        INVALID
    }
}
