package netarena.experiments.capacity;

import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.Slo;

/**
 * A {@link RateProbe} that does not believe a single failure: a valid probe that misses the SLO is
 * probed again, up to {@code rechecks} times, and the step passes if any recheck meets it. On a shared
 * machine one step in many meets a noisy neighbour or a GC pause; without this, one such step low on
 * the staircase ends the climb far below the server's limit. The bias is upward (a step needs only one
 * good run), which is why {@link SloCapacity} repeats both ends of the bracket afterwards and reports
 * how often each held. Generator-invalid results are returned as they are: the search retries those.
 * Called on the search's thread.
 */
public final class RecheckingProbe implements RateProbe {

    private final RateProbe probe;
    private final Slo slo;
    private final int rechecks;

    /** @param rechecks extra probes after a failing one, 0 for none */
    public RecheckingProbe(RateProbe probe, Slo slo, int rechecks) {
        if (rechecks < 0) {
            throw new IllegalArgumentException("rechecks must be at least 0, got " + rechecks);
        }
        this.probe = probe;
        this.slo = slo;
        this.rechecks = rechecks;
    }

    @Override
    public ProbeResult probe(double ratePerSecond, double quantile) {
        ProbeResult result = probe.probe(ratePerSecond, quantile);
        for (int i = 0; i < rechecks && !result.generatorInvalid() && slo.missedBy(result) != null; i++) {
            ProbeResult again = probe.probe(ratePerSecond, quantile);
            if (again.generatorInvalid()) {
                break;
            }
            result = again;
        }
        return result;
    }
}
