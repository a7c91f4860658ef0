package netarena.experiments.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.InFlightCheck;
import netarena.results.capacity.InFlightFinding;
import netarena.results.capacity.PoolRecommendation;
import netarena.results.capacity.PoolSizer;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.QueueModel;
import netarena.results.capacity.Slo;

/**
 * The pool question of {@code netarena capacity}: measure the service time at a low rate (the server's
 * own figure, how long a request holds a thread, when the server gives one), size the pool for the
 * target rate and SLO under M/D/c (the recommendation: request work of fixed cost) and Erlang C beside
 * it, then measure at each model's size and at one below the smaller (when one below can still keep
 * up); then, up to {@link #MAX_EXTRA_SIZES} each way, upward while no size met the SLO and downward
 * while the smallest did, so the answer shows both predictions against the measurement and the
 * smallest pool measured to meet the SLO. Each measurement's requests in flight are checked at both
 * ends of the wire ({@link InFlightCheck}). Runs on the calling thread.
 */
public final class PoolCapacity {

    /** Pool sizes measured past the models' own, at most, each way: up while none met the SLO, down while one did. */
    static final int MAX_EXTRA_SIZES = 3;

    private PoolCapacity() {
    }

    /**
     * @param ratePerSecond        the load to size for
     * @param workerPool           the kind of pool {@code probe} serves with, for the answer
     * @param serviceRatePerSecond the low rate for the service-time measurement
     */
    public static CapacityAnswer.PoolAnswer measure(double ratePerSecond, String workerPool, Slo slo, String text,
            double serviceRatePerSecond, PoolProbe probe) {
        CapacityAnswer.ServiceTime service = probe.serviceTime(serviceRatePerSecond);
        double serviceMicros = service.sizingMicros();
        if (!(serviceMicros > 0) || Double.isInfinite(serviceMicros)) {
            throw new IllegalStateException("the service time could not be measured at " + serviceRatePerSecond
                    + "/s (client " + service.clientMeanMicros() + " us, server " + service.serverMeanMicros() + " us)");
        }
        PoolRecommendation mdc = recommend(QueueModel.DETERMINISTIC, ratePerSecond, serviceMicros, slo);
        PoolRecommendation mmc = recommend(QueueModel.ERLANG_C, ratePerSecond, serviceMicros, slo);
        List<CapacityAnswer.PoolCheck> checks = new ArrayList<>();
        TreeSet<Integer> sizes = sizesToMeasure(mdc, mmc);
        for (int workers : sizes.descendingSet()) {
            checks.add(check(probe, workers, ratePerSecond, serviceMicros, slo));
        }
        if (!checks.isEmpty()) {
            // the models' sizes say where to look; the answer is the smallest pool measured to meet the SLO
            int largest = sizes.last();
            for (int i = 0; i < MAX_EXTRA_SIZES && missed(checks, largest); i++) {
                checks.add(check(probe, ++largest, ratePerSecond, serviceMicros, slo));
            }
            int smallest = sizes.first();
            for (int i = 0; i < MAX_EXTRA_SIZES && met(checks, smallest)
                    && smallest - 1 > offeredLoad(ratePerSecond, serviceMicros, checks); i++) {
                checks.add(check(probe, --smallest, ratePerSecond, serviceMicros, slo));
            }
        }
        checks.sort(Comparator.comparingInt(CapacityAnswer.PoolCheck::workers).reversed());
        return new CapacityAnswer.PoolAnswer(ratePerSecond, workerPool, slo, text, serviceRatePerSecond, service, mdc,
                mmc, checks);
    }

    /**
     * Erlangs offered at {@code rate}, on the shorter of the sizing service time and the servers' own under
     * that rate (the checks'): a service time read long at the low rate (a busy machine's slow wake-ups)
     * must not stop the search above a pool that keeps up.
     */
    private static double offeredLoad(double rate, double serviceMicros, List<CapacityAnswer.PoolCheck> checks) {
        double micros = checks.stream().mapToDouble(c -> c.inFlight().point().serverServiceMicros())
                .filter(m -> m > 0 && Double.isFinite(m)).reduce(serviceMicros, Math::min);
        return rate * micros / 1e6;
    }

    /** No valid check met the SLO, and the one at {@code workers} was valid and missed it: one more may. */
    private static boolean missed(List<CapacityAnswer.PoolCheck> checks, int workers) {
        return checks.stream().noneMatch(c -> c.valid() && c.meetsSlo())
                && checks.stream().anyMatch(c -> c.workers() == workers && c.valid() && !c.meetsSlo());
    }

    /** The check at {@code workers} was valid and met the SLO: one fewer may too. */
    private static boolean met(List<CapacityAnswer.PoolCheck> checks, int workers) {
        return checks.stream().anyMatch(c -> c.workers() == workers && c.valid() && c.meetsSlo());
    }

    /** Each feasible model's size, and one below the smallest when it still exceeds the offered load. */
    static TreeSet<Integer> sizesToMeasure(PoolRecommendation... recs) {
        TreeSet<Integer> sizes = new TreeSet<>();
        double offered = 0;
        for (PoolRecommendation r : recs) {
            if (r.feasible()) {
                sizes.add(r.servers());
                offered = r.offeredLoad();
            }
        }
        if (!sizes.isEmpty()) {
            int below = sizes.first() - 1;
            if (below >= 1 && below > offered) {
                sizes.add(below);
            }
        }
        return sizes;
    }

    private static PoolRecommendation recommend(QueueModel model, double rate, double serviceMicros, Slo slo) {
        return PoolSizer.recommend(model, rate, serviceMicros / 1e6, slo.quantile(), slo.latencyMicros() / 1e6);
    }

    private static CapacityAnswer.PoolCheck check(PoolProbe probe, int workers, double rate, double serviceMicros,
            Slo slo) {
        double mmc = QueueModel.ERLANG_C.responsePercentileSeconds(rate, serviceMicros / 1e6, workers, slo.quantile())
                * 1e6;
        double mdc = QueueModel.DETERMINISTIC.responsePercentileSeconds(rate, serviceMicros / 1e6, workers,
                slo.quantile()) * 1e6;
        PoolProbe.Measurement m = probe.measure(workers, rate, slo.quantile());
        ProbeResult r = m.result();
        InFlightFinding inFlight = InFlightCheck.check(m.inFlight());
        if (r.generatorInvalid()) {
            return new CapacityAnswer.PoolCheck(workers, mmc, mdc, Double.NaN, Double.NaN, false, false,
                    r.invalidReason(), inFlight);
        }
        String missed = slo.missedBy(r);
        return new CapacityAnswer.PoolCheck(workers, mmc, mdc, r.latencyMicros(), r.errorRatio(), true,
                missed == null, missed == null ? "" : missed, inFlight);
    }
}
