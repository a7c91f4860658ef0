package netarena.results.run;

/** What became of a measurement. */
public enum CellStatus {
    /** Measured, with no errors, and the generator kept up. */
    OK,
    /** The server failed the verify step, did not start, or the run had errors: not a figure to trust. */
    FAILED,
    /** The generator could not keep its schedule or hiccupped: the figures describe the generator. */
    INVALID
}
