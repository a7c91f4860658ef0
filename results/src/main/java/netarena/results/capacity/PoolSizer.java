package netarena.results.capacity;

import java.util.Locale;

/**
 * Sizes a pool for a percentile SLO on response time with a {@link QueueModel}: the smallest server
 * count whose response-time percentile is within the SLO, searched upward from Little's law floor
 * {@code floor(arrivalRate * meanService) + 1}. Pure.
 *
 * <p>M/M/c ({@link QueueModel#ERLANG_C}) assumes exponential service; a service with steadier times
 * (most request work) waits less, so its answer errs on the large side, and
 * {@link QueueModel#DETERMINISTIC} (M/D/c) is the one for constant-cost requests. No pool can beat the
 * service time itself: when the service time's own percentile exceeds the SLO the answer is
 * infeasible with that reason.
 */
public final class PoolSizer {

    private PoolSizer() {
    }

    /**
     * @param arrivalRatePerSecond requests per second, positive
     * @param meanServiceSeconds   mean service time, seconds, positive
     * @param sloQuantile          e.g. 0.99
     * @param sloResponseSeconds   the most that percentile of response time may be, seconds
     */
    public static PoolRecommendation recommend(double arrivalRatePerSecond, double meanServiceSeconds,
                                               double sloQuantile, double sloResponseSeconds) {
        return recommend(QueueModel.ERLANG_C, arrivalRatePerSecond, meanServiceSeconds, sloQuantile,
                sloResponseSeconds);
    }

    /** As {@link #recommend(double, double, double, double)}, under {@code model}. */
    public static PoolRecommendation recommend(QueueModel model, double arrivalRatePerSecond,
                                               double meanServiceSeconds, double sloQuantile,
                                               double sloResponseSeconds) {
        double a = ErlangC.offeredLoad(arrivalRatePerSecond, meanServiceSeconds);
        if (!(sloResponseSeconds > 0)) {
            throw new IllegalArgumentException("sloResponseSeconds must be positive, got " + sloResponseSeconds);
        }
        if (!(sloQuantile > 0 && sloQuantile < 1)) {
            throw new IllegalArgumentException("sloQuantile must be in (0, 1), got " + sloQuantile);
        }
        double serviceAlone = model.serviceAloneSeconds(meanServiceSeconds, sloQuantile);
        if (serviceAlone >= sloResponseSeconds) {
            String reason = String.format(Locale.ROOT, "service time alone has p%s = %.4g s, above the SLO of %.4g s: "
                    + "no pool size helps", trimmed(sloQuantile * 100), serviceAlone, sloResponseSeconds);
            return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds, a,
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason, model);
        }
        // As servers grow, C falls to 0 and the percentile to serviceAlone, below the SLO; the
        // guard only trips when the SLO sits within rounding of serviceAlone.
        for (int servers = (int) Math.floor(a) + 1; ; servers++) {
            double percentile = model.responsePercentileSeconds(arrivalRatePerSecond, meanServiceSeconds, servers,
                    sloQuantile);
            double waiting = ErlangC.probabilityOfWaiting(arrivalRatePerSecond, meanServiceSeconds, servers);
            if (percentile > sloResponseSeconds && waiting < 1e-15) {
                return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds,
                        a, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        "the SLO is within rounding of the service time's own percentile: no finite pool meets it", model);
            }
            if (percentile <= sloResponseSeconds) {
                return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds,
                        a, servers, waiting,
                        model.meanWaitSeconds(arrivalRatePerSecond, meanServiceSeconds, servers), percentile,
                        a / servers, "", model);
            }
        }
    }

    private static String trimmed(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
