package netarena.load;

import java.time.Duration;

/**
 * How much of the generator a run uses, and how much of its own lag it tolerates.
 *
 * @param connections connections opened to the target, spread round-robin over the threads
 * @param threads     event loops (threads) of the generator; no more than the connections
 * @param maxLag      the p99 of send lag or of generator hiccups past which the result is invalid
 * @param maxLagShare the share of the latency p99 that the p99 of send lag or of generator hiccups may
 *                    reach before the result is invalid, in (0, 1]; 1 turns that bound off and leaves
 *                    {@code maxLag} alone
 * @param spin        open loop: how long before each intended send the pacer stops sleeping and keeps its
 *                    event loop running (answers are still read in between), at up to that much CPU per sleep;
 *                    zero sleeps until the send is due. For a generator alone on its core, where a sleeping
 *                    CPU takes tens of microseconds to wake
 * @param slice       which part of the run this process sends: {@link AgentSlice#WHOLE}, or one agent's slice
 *                    of a run sent from several, whose {@code connections} are then this agent's share
 */
public record LoadLimits(int connections, int threads, Duration maxLag, double maxLagShare, Duration spin,
        AgentSlice slice) {

    /** Connection slots are numbered in the high bits of each request id (see LoadConnection). */
    public static final int MAX_CONNECTIONS = 1 << 22;
    /** Requests per second one event loop is allowed to pace; above it a run is refused (use more threads). */
    public static final long MAX_RATE_PER_THREAD = 2_000_000;
    /** The longest spin before a send: past it the pacer burns more than it saves. */
    public static final Duration MAX_SPIN = Duration.ofMillis(1);

    /** The defaults of {@link LoadDefaults}: one connection on one thread, max lag 10 ms or a tenth of p99. */
    public static final LoadLimits DEFAULT = new LoadLimits(LoadDefaults.CONNECTIONS, LoadDefaults.THREADS,
            LoadDefaults.MAX_LAG, LoadDefaults.MAX_LAG_SHARE, LoadDefaults.SPIN, AgentSlice.WHOLE);

    public LoadLimits {
        LoadPlan.require(connections >= 1 && connections <= MAX_CONNECTIONS,
                "connections must be between 1 and " + MAX_CONNECTIONS + ", was " + connections);
        LoadPlan.require(threads >= 1, "threads must be at least 1, was " + threads);
        LoadPlan.require(threads <= connections, "threads (" + threads + ") must not exceed connections ("
                + connections + "): a thread with no connection idles");
        LoadPlan.require(maxLag != null && maxLag.compareTo(Duration.ofNanos(1_000)) >= 0,
                "max lag must be at least 1us, was " + maxLag);
        LoadPlan.require(maxLagShare > 0 && maxLagShare <= 1,
                "max lag share must be above 0 and at most 1, was " + maxLagShare);
        LoadPlan.require(spin != null && !spin.isNegative() && spin.compareTo(MAX_SPIN) <= 0,
                "spin must be between 0 and " + MAX_SPIN.toMillis() + " ms, was " + spin);
        LoadPlan.require(slice != null, "slice must be set (AgentSlice.WHOLE for a run from one process)");
    }

    /** {@code c} connections over {@code t} event loops. */
    public LoadLimits withConnections(int c, int t) {
        return new LoadLimits(c, t, maxLag, maxLagShare, spin, slice);
    }

    public LoadLimits withMaxLag(Duration d) {
        return new LoadLimits(connections, threads, d, maxLagShare, spin, slice);
    }

    public LoadLimits withMaxLagShare(double share) {
        return new LoadLimits(connections, threads, maxLag, share, spin, slice);
    }

    public LoadLimits withSpin(Duration d) {
        return new LoadLimits(connections, threads, maxLag, maxLagShare, d, slice);
    }

    /** This process sends {@code s}'s part of the run; {@link #connections} is then its share. */
    public LoadLimits withSlice(AgentSlice s) {
        return new LoadLimits(connections, threads, maxLag, maxLagShare, spin, s);
    }
}
