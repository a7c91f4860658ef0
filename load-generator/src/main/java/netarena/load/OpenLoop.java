package netarena.load;

/**
 * Requests go out on a schedule of intended send times, whatever is outstanding; latency counts from each
 * intended time (coordinated omission corrected).
 *
 * @param ratePerSecond requests per second for the whole run, spread over its connections; at least 1
 * @param arrivals      how the intended send times are spaced
 */
public record OpenLoop(long ratePerSecond, Arrivals arrivals) implements LoadShape {

    public OpenLoop {
        LoadPlan.require(ratePerSecond >= 1, "rate must be at least 1 request/s, was " + ratePerSecond);
        LoadPlan.require(arrivals != null, "arrivals must be set");
    }
}
