package netarena.results.capacity;

/**
 * The Allen–Cunneen approximation of a G/G/c queue: Erlang C's waiting probability, and a conditional
 * wait scaled by {@code (ca² + cs²) / 2}, the squared coefficients of variation of inter-arrival and
 * service times. Here arrivals are Poisson ({@code ca² = 1}); {@code cs² = 0} is M/D/c, constant
 * service. Pure.
 *
 * <p>For M/D/1 the mean wait is exact (Pollaczek–Khinchine: {@code rho / (2 mu (1 - rho))}); for c > 1
 * it is within a few percent of the exact M/D/c mean at the loads a pool is sized for. The tail keeps
 * Erlang C's exponential form with the scaled rate: {@code P(W > t) = C exp(-t (c mu - lambda) / k)},
 * {@code k = (ca² + cs²) / 2}, so the response time's quantile is the service time plus the wait's.
 * With constant service the service time is the same for every request, which is what makes the
 * M/M/c answer (whose service itself has a long exponential tail) ask for one worker too many.
 */
public final class AllenCunneen {

    private AllenCunneen() {
    }

    /** Mean time in the queue, seconds: Erlang C's times {@code (1 + cs²) / 2}. */
    public static double meanWaitSeconds(double rate, double service, int servers, double serviceScv) {
        return ErlangC.meanWaitSeconds(rate, service, servers) * variability(serviceScv);
    }

    /**
     * The {@code quantile} (e.g. 0.99) of the response time with constant service (M/D/c), seconds: the
     * service time plus the wait's quantile.
     */
    public static double deterministicResponsePercentileSeconds(double rate, double service, int servers,
                                                                double quantile) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
        double waiting = ErlangC.probabilityOfWaiting(rate, service, servers);
        double drain = servers / service - rate;
        if (!(drain > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double tail = 1 - quantile;
        double wait = waiting <= tail ? 0 : variability(0) / drain * Math.log(waiting / tail);
        return service + wait;
    }

    private static double variability(double serviceScv) {
        if (!(serviceScv >= 0) || Double.isInfinite(serviceScv)) {
            throw new IllegalArgumentException("serviceScv must be finite and non-negative, got " + serviceScv);
        }
        return (1 + serviceScv) / 2;
    }
}
