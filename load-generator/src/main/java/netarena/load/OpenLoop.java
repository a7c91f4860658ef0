package netarena.load;

/**
 * Requests go out on a schedule of intended send times, whatever is outstanding; latency counts from each
 * intended time (coordinated omission corrected).
 *
 * @param ratePerSecond    requests per second for the whole run, spread over its connections; at least 1
 * @param arrivals         how the intended send times are spaced
 * @param warmAtFullSpeed  the warmup runs closed loop on the same connections (one request outstanding per
 *                         connection, the next sent as each answer comes) and the schedule starts when it
 *                         ends. A JIT needs tens of thousands of requests before the hot path is compiled;
 *                         at a low rate a warmup on the schedule would take minutes to get there, so the
 *                         measured phase would time the compiler. False: the warmup follows the schedule.
 */
public record OpenLoop(long ratePerSecond, Arrivals arrivals, boolean warmAtFullSpeed) implements LoadShape {

    public OpenLoop {
        LoadPlan.require(ratePerSecond >= 1, "rate must be at least 1 request/s, was " + ratePerSecond);
        LoadPlan.require(arrivals != null, "arrivals must be set");
    }

    /** The schedule from the first request, warmup included. */
    public OpenLoop(long ratePerSecond, Arrivals arrivals) {
        this(ratePerSecond, arrivals, false);
    }

    /** This shape with the warmup at full speed (closed loop) or on the schedule. */
    public OpenLoop warmingAtFullSpeed(boolean fullSpeed) {
        return new OpenLoop(ratePerSecond, arrivals, fullSpeed);
    }
}
