package netarena.results.capacity;

/**
 * Which queueing model sizes a pool: what the service time's distribution is assumed to be. Arrivals
 * are Poisson (an open-loop generator's) in both. Pure.
 */
public enum QueueModel {
    /** M/M/c, Erlang C: exponential service times. Errs large for steady request work. */
    ERLANG_C("M/M/c (Erlang C)") {
        @Override
        public double responsePercentileSeconds(double rate, double service, int servers, double quantile) {
            return ErlangC.responsePercentileSeconds(rate, service, servers, quantile);
        }

        @Override
        public double meanWaitSeconds(double rate, double service, int servers) {
            return ErlangC.meanWaitSeconds(rate, service, servers);
        }

        @Override
        public double serviceAloneSeconds(double service, double quantile) {
            return service * Math.log(1 / (1 - quantile));
        }
    },
    /**
     * M/D/c by the Allen–Cunneen approximation: constant service times (a BLOCK or CPU request of fixed
     * cost), which queue half as long as exponential ones ({@link AllenCunneen}).
     */
    DETERMINISTIC("M/D/c (Allen-Cunneen)") {
        @Override
        public double responsePercentileSeconds(double rate, double service, int servers, double quantile) {
            return AllenCunneen.deterministicResponsePercentileSeconds(rate, service, servers, quantile);
        }

        @Override
        public double meanWaitSeconds(double rate, double service, int servers) {
            return AllenCunneen.meanWaitSeconds(rate, service, servers, 0);
        }

        @Override
        public double serviceAloneSeconds(double service, double quantile) {
            return service;
        }
    };

    private final String label;

    QueueModel(String label) {
        this.label = label;
    }

    /** How reports name it, e.g. {@code M/D/c (Allen-Cunneen)}. */
    public String label() {
        return label;
    }

    /** The {@code quantile} of response time (queue plus service), seconds, at this pool size. */
    public abstract double responsePercentileSeconds(double rate, double service, int servers, double quantile);

    /** Mean time in the queue before service, seconds. */
    public abstract double meanWaitSeconds(double rate, double service, int servers);

    /** The {@code quantile} of the service time alone, seconds: no pool answers faster. */
    public abstract double serviceAloneSeconds(double service, double quantile);
}
