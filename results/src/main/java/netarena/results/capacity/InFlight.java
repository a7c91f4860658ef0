package netarena.results.capacity;

/**
 * One open-loop pool measurement as Little's law sees it from both ends of the wire: the generator's
 * throughput with its mean time a request was out, and the server's mean time a request held a worker.
 * L = X W gives the requests in flight at each end.
 *
 * @param workers             the pool size measured, positive
 * @param throughputPerSecond answers per second over the generator's measured window
 * @param clientMeanMicros    the generator's mean of answer time minus write time, microseconds (the
 *                            time a request was out: wire, queue and service); NaN when unknown
 * @param serverServiceMicros the server's mean time a request held a worker, microseconds, over its
 *                            life (its stats line on stop); NaN when it wrote none
 */
public record InFlight(int workers, double throughputPerSecond, double clientMeanMicros, double serverServiceMicros) {

    public InFlight {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive, got " + workers);
        }
    }

    /** X R: requests the generator had out on average. */
    public double generatorInFlight() {
        return throughputPerSecond * clientMeanMicros / 1e6;
    }

    /** X S: requests holding a worker on average, the server's busy workers. */
    public double serverInFlight() {
        return throughputPerSecond * serverServiceMicros / 1e6;
    }
}
