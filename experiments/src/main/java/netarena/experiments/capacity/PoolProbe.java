package netarena.experiments.capacity;

import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.InFlight;
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
     * both queueing models assume): the {@code quantile} of latency from the intended send time, and the
     * requests in flight as the generator and the server count them.
     */
    Measurement measure(int workers, double ratePerSecond, double quantile);

    /**
     * @param result   the latency percentile and errors, or why the generator was invalid
     * @param inFlight the generator's throughput and mean time out, and the server's mean service time
     */
    record Measurement(ProbeResult result, InFlight inFlight) {
    }
}
