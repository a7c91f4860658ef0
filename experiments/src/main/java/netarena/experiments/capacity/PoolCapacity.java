package netarena.experiments.capacity;

import java.util.ArrayList;
import java.util.List;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ErlangC;
import netarena.results.capacity.PoolRecommendation;
import netarena.results.capacity.PoolSizer;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.Slo;

/**
 * The pool question of {@code netarena capacity}: measure the service time at a low rate, size the
 * pool for the target rate and SLO with {@link PoolSizer} (Erlang C), then measure at that size and
 * one below it (when one below can still keep up), so the answer shows prediction against measurement
 * and that the size is needed. Runs on the calling thread.
 */
public final class PoolCapacity {

    private PoolCapacity() {
    }

    /**
     * @param ratePerSecond        the load to size for
     * @param serviceRatePerSecond the low rate for the service-time measurement
     */
    public static CapacityAnswer.PoolAnswer measure(double ratePerSecond, Slo slo, String text,
            double serviceRatePerSecond, PoolProbe probe) {
        double serviceMicros = probe.serviceMeanMicros(serviceRatePerSecond);
        if (!(serviceMicros > 0) || Double.isInfinite(serviceMicros)) {
            throw new IllegalStateException("the service time could not be measured at " + serviceRatePerSecond
                    + "/s (got " + serviceMicros + " us)");
        }
        PoolRecommendation rec = PoolSizer.recommend(ratePerSecond, serviceMicros / 1e6, slo.quantile(),
                slo.latencyMicros() / 1e6);
        List<CapacityAnswer.PoolCheck> checks = new ArrayList<>();
        if (rec.feasible()) {
            checks.add(check(probe, rec.servers(), ratePerSecond, serviceMicros, slo));
            int below = rec.servers() - 1;
            if (below >= 1 && below > rec.offeredLoad()) {
                checks.add(check(probe, below, ratePerSecond, serviceMicros, slo));
            }
        }
        return new CapacityAnswer.PoolAnswer(ratePerSecond, slo, text, serviceRatePerSecond, serviceMicros, rec, checks);
    }

    private static CapacityAnswer.PoolCheck check(PoolProbe probe, int workers, double rate, double serviceMicros,
            Slo slo) {
        double predicted = ErlangC.responsePercentileSeconds(rate, serviceMicros / 1e6, workers, slo.quantile()) * 1e6;
        ProbeResult r = probe.measure(workers, rate, slo.quantile());
        if (r.generatorInvalid()) {
            return new CapacityAnswer.PoolCheck(workers, predicted, Double.NaN, Double.NaN, false, false,
                    r.invalidReason());
        }
        String missed = slo.missedBy(r);
        return new CapacityAnswer.PoolCheck(workers, predicted, r.latencyMicros(), r.errorRatio(), true, missed == null,
                missed == null ? "" : missed);
    }
}
