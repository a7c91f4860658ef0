package netarena.results.capacity;

import java.util.Locale;

/**
 * Sizes a pool for a percentile SLO on response time with {@link ErlangC}: the smallest server
 * count whose response-time percentile is within the SLO, searched upward from Little's law floor
 * {@code floor(arrivalRate * meanService) + 1}. Pure.
 *
 * <p>M/M/c assumes exponential service; a service with steadier times (most request work) waits
 * less, so the answer errs on the large side. No pool can beat the service time itself: when
 * {@code meanService * ln(1 / (1 - quantile))}, the service time's own percentile, exceeds the SLO
 * the answer is infeasible with that reason.
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
        double a = ErlangC.offeredLoad(arrivalRatePerSecond, meanServiceSeconds);
        if (!(sloResponseSeconds > 0)) {
            throw new IllegalArgumentException("sloResponseSeconds must be positive, got " + sloResponseSeconds);
        }
        if (!(sloQuantile > 0 && sloQuantile < 1)) {
            throw new IllegalArgumentException("sloQuantile must be in (0, 1), got " + sloQuantile);
        }
        double serviceAlone = meanServiceSeconds * Math.log(1 / (1 - sloQuantile));
        if (serviceAlone >= sloResponseSeconds) {
            String reason = String.format(Locale.ROOT, "service time alone has p%s = %.4g s, above the SLO of %.4g s: "
                    + "no pool size helps", trimmed(sloQuantile * 100), serviceAlone, sloResponseSeconds);
            return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds, a,
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason);
        }
        // As servers grow, C falls to 0 and the percentile to serviceAlone, below the SLO; the
        // guard only trips when the SLO sits within rounding of serviceAlone.
        for (int servers = (int) Math.floor(a) + 1; ; servers++) {
            double percentile = ErlangC.responsePercentileSeconds(arrivalRatePerSecond, meanServiceSeconds, servers,
                    sloQuantile);
            double waiting = ErlangC.probabilityOfWaiting(arrivalRatePerSecond, meanServiceSeconds, servers);
            if (percentile > sloResponseSeconds && waiting < 1e-15) {
                return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds,
                        a, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        "the SLO is within rounding of the service time's own percentile: no finite pool meets it");
            }
            if (percentile <= sloResponseSeconds) {
                return new PoolRecommendation(arrivalRatePerSecond, meanServiceSeconds, sloQuantile, sloResponseSeconds,
                        a, servers, waiting,
                        ErlangC.meanWaitSeconds(arrivalRatePerSecond, meanServiceSeconds, servers), percentile,
                        a / servers, "");
            }
        }
    }

    private static String trimmed(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
