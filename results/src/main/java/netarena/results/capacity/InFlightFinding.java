package netarena.results.capacity;

/**
 * Little's law across the wire, checked for one pool measurement ({@link InFlightCheck}).
 *
 * @param point             the measurement
 * @param generatorInFlight requests the generator had out on average, X R
 * @param serverInFlight    requests holding a worker on average, X S
 * @param checked           false when a figure was unknown (no stats line, no answers): nothing was checked
 * @param violated          the server held more than the generator had out, or than the pool has
 * @param hint              what the violation usually means; empty when none
 */
public record InFlightFinding(InFlight point, double generatorInFlight, double serverInFlight, boolean checked,
        boolean violated, String hint) {

    /** Requests out at the generator and not on a worker: queued for one, or on the wire. */
    public double waitingOrInTransit() {
        return generatorInFlight - serverInFlight;
    }
}
