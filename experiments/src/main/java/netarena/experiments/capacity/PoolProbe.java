package netarena.experiments.capacity;

import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ProbeResult;

/**
 * The measurements behind a pool recommendation: the seam between {@link PoolCapacity} and real
 * servers. Called on one thread, one call at a time.
 */
public interface PoolProbe {

    /**
     * The mean service time at {@code ratePerSecond}, low enough that nothing queues: the client's
     * figure and the server's own (NaN where one could not be measured).
     */
    CapacityAnswer.ServiceTime serviceTime(double ratePerSecond);

    /**
     * Serves with a pool of {@code workers} and offers {@code ratePerSecond} with Poisson arrivals (as
     * Erlang C assumes); the {@code quantile} of latency from the intended send time.
     */
    ProbeResult measure(int workers, double ratePerSecond, double quantile);
}
