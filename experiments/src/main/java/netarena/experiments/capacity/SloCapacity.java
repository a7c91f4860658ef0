package netarena.experiments.capacity;

import java.util.ArrayList;
import java.util.List;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.Slo;

/**
 * The SLO question of {@code netarena capacity} over any {@link RateProbe}: the {@link SloSearch},
 * then the final passing rate and the first failing one probed {@code repeats} times more each, so the
 * answer carries how often each end held. Runs on the calling thread.
 */
public final class SloCapacity {

    private SloCapacity() {
    }

    /** As {@link #measure(Slo, String, SearchConfig, RateProbe, int, int)} without rechecks. */
    public static CapacityAnswer.SloAnswer measure(Slo slo, String text, SearchConfig config, RateProbe probe,
            int repeats) {
        return measure(slo, text, config, probe, repeats, 0);
    }

    /**
     * @param text     the SLO as the user wrote it, for the answer
     * @param repeats  extra probes at each end of the bracket, 0 for none
     * @param rechecks during the search, how many times a failing step is probed again before it counts
     *                 as failed ({@link RecheckingProbe}); the repeats are never rechecked
     */
    public static CapacityAnswer.SloAnswer measure(Slo slo, String text, SearchConfig config, RateProbe probe,
            int repeats, int rechecks) {
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats must be at least 0, got " + repeats);
        }
        SearchResult result = new SloSearch(slo, config).run(new RecheckingProbe(probe, slo, rechecks));
        List<CapacityAnswer.Confirmation> confirmations = new ArrayList<>();
        if (repeats > 0) {
            for (double rate : new double[] {result.highestPassingRatePerSecond(), result.lowestFailingRatePerSecond()}) {
                if (!Double.isNaN(rate)) {
                    confirmations.add(confirm(slo, probe, rate, repeats));
                }
            }
        }
        return new CapacityAnswer.SloAnswer(slo, text, result, confirmations);
    }

    private static CapacityAnswer.Confirmation confirm(Slo slo, RateProbe probe, double rate, int repeats) {
        int passes = 0;
        int runs = 0;
        int invalid = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            ProbeResult r = probe.probe(rate, slo.quantile());
            if (r.generatorInvalid()) {
                invalid++;
                continue;
            }
            runs++;
            if (slo.missedBy(r) == null) {
                passes++;
            }
            min = Math.min(min, r.latencyMicros());
            max = Math.max(max, r.latencyMicros());
        }
        return new CapacityAnswer.Confirmation(rate, passes, runs, invalid, runs == 0 ? Double.NaN : min,
                runs == 0 ? Double.NaN : max);
    }
}
