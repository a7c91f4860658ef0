package netarena.results.capacity;

import java.util.List;

/**
 * What {@code netarena capacity} measured and concluded for one server configuration: any of the
 * three questions it answers, each null when not asked.
 *
 * @param subject the server and load, e.g. {@code selector io-threads 1 workers 0, echo 64 B arg 0, frame}
 * @param slo     the highest rate meeting an SLO
 * @param scaling throughput over connections, with a Universal Scalability Law fit
 * @param pool    a worker pool sized for a rate and an SLO, then measured
 */
public record CapacityAnswer(String subject, SloAnswer slo, ScalingAnswer scaling, PoolAnswer pool) {

    /**
     * @param slo           the objective
     * @param text          how it was written, e.g. {@code p99<=5ms}
     * @param search        the staircase and bisection
     * @param confirmations the final passing rate and the first failing one, measured again
     */
    public record SloAnswer(Slo slo, String text, SearchResult search, List<Confirmation> confirmations) {

        public SloAnswer {
            confirmations = List.copyOf(confirmations);
        }

        /**
         * True when a rate met the SLO: the search found one, and the repeats there (if any were measured) did not
         * all fail. The command's exit code; a CI gate reads it.
         */
        public boolean met() {
            double rate = search.highestPassingRatePerSecond();
            return search.found() && confirmations.stream()
                    .noneMatch(c -> c.ratePerSecond() == rate && c.allFailed());
        }
    }

    /**
     * One rate measured again {@code runs} times after the search.
     *
     * @param ratePerSecond    the rate
     * @param passes           runs that met the SLO
     * @param runs             valid runs (an invalid generator's run is not counted)
     * @param invalid          runs where the generator could not hold the rate
     * @param minLatencyMicros the lowest of the runs' latency percentiles
     * @param maxLatencyMicros the highest
     */
    public record Confirmation(double ratePerSecond, int passes, int runs, int invalid, double minLatencyMicros,
            double maxLatencyMicros) {

        public boolean allPassed() {
            return runs > 0 && passes == runs;
        }

        public boolean allFailed() {
            return runs > 0 && passes == 0;
        }
    }

    /**
     * @param points  one closed-loop measurement per connection count, in the order measured
     * @param fit     the USL fit of the valid points; null when it could not be made
     * @param problem why there is no fit; empty when there is one
     * @param little  Little's law checked at every point that answered, valid or not
     */
    public record ScalingAnswer(List<ClosedLoopPoint> points, UslFit fit, String problem, List<LittleFinding> little) {

        public ScalingAnswer {
            points = List.copyOf(points);
            little = List.copyOf(little);
            problem = problem == null ? "" : problem;
        }

        /**
         * Fits the USL to the valid points (it needs 3 or more distinct connection counts) and checks
         * Little's law at every point that answered, with its default tolerance.
         */
        public static ScalingAnswer of(List<ClosedLoopPoint> points) {
            List<ClosedLoopPoint> valid = points.stream().filter(p -> p.valid() && p.throughputPerSecond() > 0).toList();
            UslFit fit = null;
            String problem = "";
            try {
                fit = UslFitter.fit(valid.stream().map(p -> new UslPoint(p.connections(), p.throughputPerSecond()))
                        .toList());
            } catch (IllegalArgumentException | IllegalStateException e) {
                problem = e.getMessage() + " (" + valid.size() + " valid of " + points.size() + " points)";
            } catch (RuntimeException e) {
                problem = "the fit did not converge: " + e.getMessage();
            }
            // every point that answered, not only the valid ones: a broken law is how an error-ridden or
            // generator-bound point shows that its figures describe something other than the server
            List<LittleFinding> little = LittleLawCheck.check(points.stream()
                    .filter(p -> p.throughputPerSecond() > 0 && Double.isFinite(p.meanLatencyMicros()))
                    .map(p -> new LittlePoint(p.connections(), p.throughputPerSecond(), p.meanLatencyMicros() / 1e6))
                    .toList());
            return new ScalingAnswer(points, fit, problem, little);
        }
    }

    /**
     * @param connections         closed-loop connections, one request outstanding on each
     * @param throughputPerSecond verified answers per second
     * @param meanLatencyMicros   mean response time from the send, microseconds
     * @param p99Micros           its 99th percentile
     * @param valid               no errors and the generator kept its bounds
     * @param note                why not valid; empty when valid
     */
    public record ClosedLoopPoint(int connections, double throughputPerSecond, double meanLatencyMicros,
            double p99Micros, boolean valid, String note) {
    }

    /**
     * @param ratePerSecond        the load the pool is sized for
     * @param workerPool           the kind of pool sized and measured ({@code --worker-pool}: fixed, elastic,
     *                             work-stealing or virtual); its size is the workers
     * @param slo                  the objective
     * @param sloText              as written
     * @param serviceRatePerSecond the low rate at which the service time was measured
     * @param serviceTime          the client's and the server's figure there, and which one sized the pool
     * @param recommendation       M/D/c's pool size (constant service, {@link QueueModel#DETERMINISTIC}), the
     *                             one recommended
     * @param erlangC              Erlang C's (exponential service), beside it
     * @param checks               the pool measured at each model's size and one below the smaller
     */
    public record PoolAnswer(double ratePerSecond, String workerPool, Slo slo, String sloText, double serviceRatePerSecond,
            ServiceTime serviceTime, PoolRecommendation recommendation, PoolRecommendation erlangC,
            List<PoolCheck> checks) {

        public PoolAnswer {
            checks = List.copyOf(checks);
        }
    }

    /**
     * The mean service time at a low rate, as each side measured it, microseconds.
     *
     * @param clientMeanMicros the generator's mean of answer time minus write time: the round trip, the
     *                         wake-ups and the hand-off to a worker included
     * @param serverMeanMicros the server's mean time one request held a thread (its stats line on stop);
     *                         NaN when the server wrote none
     * @param sizingMicros     the one the pool is sized on: the server's when there is one
     * @param source           {@code server} or {@code client}: where {@code sizingMicros} comes from
     */
    public record ServiceTime(double clientMeanMicros, double serverMeanMicros, double sizingMicros, String source) {

        /** Sized on the server's figure when it is a positive number, else on the client's. */
        public static ServiceTime of(double clientMeanMicros, double serverMeanMicros) {
            boolean server = serverMeanMicros > 0 && !Double.isInfinite(serverMeanMicros);
            return new ServiceTime(clientMeanMicros, serverMeanMicros, server ? serverMeanMicros : clientMeanMicros,
                    server ? "server" : "client");
        }
    }

    /**
     * @param workers            the pool size measured
     * @param predictedMmcMicros Erlang C's (M/M/c) response-time percentile for it, microseconds
     * @param predictedMdcMicros M/D/c's, microseconds
     * @param measuredMicros     the measured latency percentile, from the intended send time
     * @param errorRatio         failed / sent
     * @param valid              the generator kept its bounds
     * @param meetsSlo           the measurement meets the SLO
     * @param note               why invalid or failing; empty otherwise
     * @param inFlight           Little's law across the wire: the requests the generator had out against
     *                           those the server held a worker for
     */
    public record PoolCheck(int workers, double predictedMmcMicros, double predictedMdcMicros,
            double measuredMicros, double errorRatio, boolean valid, boolean meetsSlo, String note,
            InFlightFinding inFlight) {
    }
}
