package netarena.results.capacity;

/**
 * Little's law across the wire for one pool measurement: the requests the server held a worker for
 * ({@link InFlight#serverInFlight()}, from its own service time) against the requests the generator had
 * out ({@link InFlight#generatorInFlight()}) and against the pool. A request a worker holds is out at the
 * generator, and a pool of c holds at most c at once, so both must hold:
 *
 * <pre>
 *   X S &lt;= X R (1 + tolerance)      X S &lt;= c (1 + tolerance)
 * </pre>
 *
 * Unlike the closed-loop check ({@link LittleLawCheck}), whose concurrency, throughput and latency all
 * come from the generator, the two sides here are counted apart, so a generator that mistimes its
 * requests, or a throughput or service time taken from another load than the one measured, shows. The
 * difference X (R - S) is the requests queued for a worker or on the wire. The tolerance (default
 * {@link LittleLawCheck#DEFAULT_TOLERANCE}) absorbs that the server's mean spans its whole life (its
 * warm-up as well as the step) while the generator's figures span the step. Pure.
 */
public final class InFlightCheck {

    static final String SERVER_ABOVE_GENERATOR = "the server held more requests than the generator had out: the "
            + "generator's times miss part of each request (timed from a late write, answers matched to the wrong "
            + "request), or the server's service time is another load's";
    static final String ABOVE_POOL = "more busy workers than the pool has: the generator's throughput counts answers "
            + "this pool did not work for (errors answered without work, another server), or the service time is "
            + "another load's";

    private InFlightCheck() {
    }

    /** Checks {@code p} with {@link LittleLawCheck#DEFAULT_TOLERANCE}. */
    public static InFlightFinding check(InFlight p) {
        return check(p, LittleLawCheck.DEFAULT_TOLERANCE);
    }

    /** Checks {@code p}; {@code tolerance} is relative, e.g. 0.10. Unchecked when a figure is unknown. */
    public static InFlightFinding check(InFlight p, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got " + tolerance);
        }
        double generator = p.generatorInFlight();
        double server = p.serverInFlight();
        if (!Double.isFinite(generator) || !Double.isFinite(server) || !(p.throughputPerSecond() > 0)) {
            return new InFlightFinding(p, generator, server, false, false, "");
        }
        String hint = server > generator * (1 + tolerance) ? SERVER_ABOVE_GENERATOR
                : server > p.workers() * (1 + tolerance) ? ABOVE_POOL : "";
        return new InFlightFinding(p, generator, server, true, !hint.isEmpty(), hint);
    }
}
