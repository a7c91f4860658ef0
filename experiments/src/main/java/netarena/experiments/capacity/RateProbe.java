package netarena.experiments.capacity;

import netarena.results.capacity.ProbeResult;

/**
 * One open-loop measurement at a target rate: the seam between {@link SloSearch} and the load
 * generator. The search calls it on its own thread, one call at a time, and never concurrently.
 */
@FunctionalInterface
public interface RateProbe {

    /**
     * Offers {@code ratePerSecond} requests per second on an open-loop schedule and reports the
     * {@code quantile} (e.g. 0.99) of latency measured from each request's intended send time.
     */
    ProbeResult probe(double ratePerSecond, double quantile);
}
