package netarena.results.capacity;

/**
 * The answer to "how many servers (threads, connections) does this load need to meet the SLO",
 * under a {@link QueueModel} (M/M/c by default, M/D/c for constant service).
 *
 * @param arrivalRatePerSecond      the load asked about
 * @param meanServiceSeconds        mean time one request holds a server
 * @param sloQuantile               e.g. 0.99 for p99
 * @param sloResponseSeconds        the SLO on that percentile of response time, seconds
 * @param offeredLoad               Little's law floor, arrival rate times service time, in erlangs:
 *                                  fewer servers than this can never keep up
 * @param servers                   the smallest pool meeting the SLO; 0 when none can
 * @param probabilityOfWaiting      Erlang C at that pool size
 * @param meanWaitSeconds           mean queueing delay at that pool size
 * @param responsePercentileSeconds the SLO's percentile of response time at that pool size
 * @param utilisation               offered load / servers
 * @param reason                    why no pool meets the SLO, empty when one does
 * @param model                     the queueing model the figures come from
 */
public record PoolRecommendation(double arrivalRatePerSecond, double meanServiceSeconds, double sloQuantile,
                                 double sloResponseSeconds, double offeredLoad, int servers,
                                 double probabilityOfWaiting, double meanWaitSeconds,
                                 double responsePercentileSeconds, double utilisation, String reason,
                                 QueueModel model) {

    /** True when some pool size meets the SLO. */
    public boolean feasible() {
        return servers > 0;
    }
}
