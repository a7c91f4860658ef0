package netarena.cli;

import netarena.load.LoadResult;
import netarena.results.compare.RunComparison;

/**
 * The exit codes of every {@code netarena} command, one scheme (the table in docs/CLI.md), so a CI job can tell
 * a typo from a result. The load generator's and the comparison's own codes are these numbers; a test holds them
 * equal.
 */
final class ExitCodes {

    /** The command did what was asked and what it measured passed. */
    static final int OK = 0;
    /** What was measured failed: errors, a regression, an SLO missed, no rate met the SLO. */
    static final int FAILED = LoadResult.EXIT_ERRORS;
    /**
     * Nothing could be decided or trusted: an INVALID result (the generator fell behind), too little data, or an
     * input the command reads is not usable (a plan that cannot be read, a folder that is not a run, a port in use).
     */
    static final int UNDECIDED = RunComparison.EXIT_UNDECIDED;
    /** The target could not be reached: the connections did not open. */
    static final int CONNECT_FAILED = LoadResult.EXIT_CONNECT_FAILED;
    /** The command line itself is wrong: an unknown option, a bad value, a rule between options (sysexits EX_USAGE). */
    static final int USAGE = 64;
    /** Stopped by Ctrl-C or SIGTERM; results are partial (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = LoadResult.EXIT_PARTIAL;

    private ExitCodes() {
    }
}
