package netarena.results.run;

/** What became of a measurement. */
public enum CellStatus {
    /** Measured, with no errors, and the generator kept up. */
    OK,
    /**
     * Measured like OK, but in closed loop with the generator using at least
     * {@link #GENERATOR_BOUND_SHARE} of its cores: the throughput may be the generator's ceiling, not the
     * server's. Its figures count; a headline naming it says so.
     */
    GENERATOR_BOUND,
    /** The server failed the verify step, did not start, or the run had errors: not a figure to trust. */
    FAILED,
    /** The generator could not keep its schedule or hiccupped: the figures describe the generator. */
    INVALID;

    /** The share of its cores past which a closed-loop generator may be what limits the throughput. */
    public static final double GENERATOR_BOUND_SHARE = 0.90;

    /** True when the figures are a measurement (OK or GENERATOR_BOUND), false for FAILED and INVALID. */
    public boolean measured() {
        return this == OK || this == GENERATOR_BOUND;
    }
}
