package netarena.results.capacity;

/**
 * The M/M/c queue (Erlang C): Poisson arrivals at {@code arrivalRatePerSecond}, exponential service
 * with mean {@code meanServiceSeconds}, {@code servers} identical servers (a thread pool, a
 * connection pool) and one unbounded FIFO queue. Pure functions; rates per second, times in seconds.
 *
 * <p>When the offered load {@code a = arrivalRate * meanService} reaches {@code servers}, the queue
 * grows without bound: the probability of waiting is 1 and every waiting time is infinite.
 *
 * <p>Implementation notes: the probability of waiting comes from Erlang B by its recursion
 * {@code B(k) = a B(k-1) / (k + a B(k-1))}, then {@code C = c B / (c - a (1 - B))}, which neither
 * overflows nor loses precision for hundreds of servers as the factorial form does. Waiting time
 * is 0 with probability 1 - C and otherwise exponential with rate {@code theta = c mu - lambda};
 * response time adds an independent exponential service time, so its tail is a mixture of an
 * exponential and a hypoexponential, inverted for percentiles by bisection.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Offered load in erlangs, {@code arrivalRatePerSecond * meanServiceSeconds}: the mean number of busy servers. */
    public static double offeredLoad(double arrivalRatePerSecond, double meanServiceSeconds) {
        requirePositive(arrivalRatePerSecond, "arrivalRatePerSecond");
        requirePositive(meanServiceSeconds, "meanServiceSeconds");
        return arrivalRatePerSecond * meanServiceSeconds;
    }

    /** The probability that an arrival finds every server busy and waits, Erlang's C formula. */
    public static double probabilityOfWaiting(double arrivalRatePerSecond, double meanServiceSeconds, int servers) {
        double a = offeredLoad(arrivalRatePerSecond, meanServiceSeconds);
        requireServers(servers);
        if (a >= servers) {
            return 1.0;
        }
        double blocking = 1.0;
        for (int k = 1; k <= servers; k++) {
            blocking = a * blocking / (k + a * blocking);
        }
        return servers * blocking / (servers - a * (1 - blocking));
    }

    /** Mean time in the queue before service starts, seconds: {@code C / (c mu - lambda)}. */
    public static double meanWaitSeconds(double arrivalRatePerSecond, double meanServiceSeconds, int servers) {
        double c = probabilityOfWaiting(arrivalRatePerSecond, meanServiceSeconds, servers);
        double theta = drainRate(arrivalRatePerSecond, meanServiceSeconds, servers);
        return theta <= 0 ? Double.POSITIVE_INFINITY : c / theta;
    }

    /** The {@code quantile} (e.g. 0.99) of the time in the queue, seconds; 0 when fewer than 1 - quantile wait. */
    public static double waitPercentileSeconds(double arrivalRatePerSecond, double meanServiceSeconds, int servers,
                                               double quantile) {
        requireQuantile(quantile);
        double c = probabilityOfWaiting(arrivalRatePerSecond, meanServiceSeconds, servers);
        double theta = drainRate(arrivalRatePerSecond, meanServiceSeconds, servers);
        if (theta <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return c <= 1 - quantile ? 0.0 : Math.log(c / (1 - quantile)) / theta;
    }

    /** The probability that the response time (queue plus service) exceeds {@code seconds}. */
    public static double responseExceedance(double arrivalRatePerSecond, double meanServiceSeconds, int servers,
                                            double seconds) {
        double c = probabilityOfWaiting(arrivalRatePerSecond, meanServiceSeconds, servers);
        double theta = drainRate(arrivalRatePerSecond, meanServiceSeconds, servers);
        if (theta <= 0) {
            return 1.0;
        }
        double mu = 1 / meanServiceSeconds;
        double serviceOnly = Math.exp(-mu * seconds);
        double waitThenService;
        if (Math.abs(theta - mu) < 1e-12 * mu) {
            waitThenService = (1 + mu * seconds) * serviceOnly;
        } else {
            waitThenService = (theta * serviceOnly - mu * Math.exp(-theta * seconds)) / (theta - mu);
        }
        return (1 - c) * serviceOnly + c * waitThenService;
    }

    /** The {@code quantile} (e.g. 0.99) of the response time, queue plus service, seconds. */
    public static double responsePercentileSeconds(double arrivalRatePerSecond, double meanServiceSeconds, int servers,
                                                   double quantile) {
        requireQuantile(quantile);
        if (drainRate(arrivalRatePerSecond, meanServiceSeconds, servers) <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double tail = 1 - quantile;
        double lo = 0;
        double hi = meanServiceSeconds;
        while (responseExceedance(arrivalRatePerSecond, meanServiceSeconds, servers, hi) > tail) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (responseExceedance(arrivalRatePerSecond, meanServiceSeconds, servers, mid) > tail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** {@code c mu - lambda}: how fast a full system drains, per second; not positive when unstable. */
    private static double drainRate(double arrivalRatePerSecond, double meanServiceSeconds, int servers) {
        return servers / meanServiceSeconds - arrivalRatePerSecond;
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and positive, got " + value);
        }
    }

    private static void requireServers(int servers) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1, got " + servers);
        }
    }

    private static void requireQuantile(double quantile) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
    }
}
