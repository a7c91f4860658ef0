package netarena.experiments.capacity;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.results.capacity.ProbeResult;

/**
 * A {@link RateProbe} over the real load generator: each probe is an open-loop run at the rate (a
 * short warmup, then the measured seconds) against one running server, its files written into a
 * numbered folder. Called on one thread, as {@code SloSearch} does.
 */
final class LoadRateProbe implements RateProbe {

    /** Time for the server to drain what an overloaded step left queued, before the next step. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final BooleanSupplier serverAlive;
    private final LongFunction<LoadPlan> planAtRate;
    private final Path stepsDir;
    private final PrintStream progress;
    private int count;

    /**
     * @param serverAlive false once the server process has died: its steps then count as every request failed
     * @param planAtRate  the load of a step at a rate, requests/s (connections, threads, request, warmup,
     *                    duration, limits), aimed at the server
     */
    LoadRateProbe(BooleanSupplier serverAlive, LongFunction<LoadPlan> planAtRate, Path stepsDir, PrintStream progress) {
        this.serverAlive = serverAlive;
        this.planAtRate = planAtRate;
        this.stepsDir = stepsDir;
        this.progress = progress;
    }

    @Override
    public ProbeResult probe(double ratePerSecond, double quantile) {
        return step(ratePerSecond, quantile).result();
    }

    /** One probe, and the generator's result it was read from. */
    Step step(double ratePerSecond, double quantile) {
        count++;
        long rate = Math.max(1, Math.round(ratePerSecond));
        Path dir = stepsDir.resolve(String.format(Locale.ROOT, "%02d-%d-per-s", count, rate));
        LoadResult r = LoadGenerator.run(planAtRate.apply(rate).withOutDir(dir));
        boolean alive = serverAlive.getAsBoolean();
        ProbeResult p = alive ? of(r, quantile) : ProbeResult.measured(Double.POSITIVE_INFINITY, 1.0);
        progress.printf(Locale.ROOT, "  probe %2d: %,d/s offered, %,.0f/s answered: %s%n", count, rate, r.okPerSecond(),
                p.generatorInvalid() ? "generator invalid (" + p.invalidReason() + ")"
                        : String.format(Locale.ROOT, "p%s %,.0f us, errors %.3g%%%s", percentile(quantile),
                                p.latencyMicros(), p.errorRatio() * 100, alive ? "" : " (the server died)"));
        settle();
        return new Step(p, r);
    }

    /**
     * @param result what the probe says about the server
     * @param load   the generator's whole result behind it
     */
    record Step(ProbeResult result, LoadResult load) {
    }

    /**
     * What one open-loop run says about the server: invalid when the generator could not hold its
     * schedule; otherwise the latency percentile from the intended send time and the share of measured
     * requests that failed or were still unanswered at the end. A run that could not connect counts as
     * every request failed.
     */
    static ProbeResult of(LoadResult r, double quantile) {
        if (r.connectFailed()) {
            return ProbeResult.measured(Double.POSITIVE_INFINITY, 1.0);
        }
        if (!r.valid()) {
            return ProbeResult.invalid(String.join("; ", r.invalidReasons()));
        }
        long sent = r.requests().sent();
        double errors = sent == 0 ? 1.0
                : Math.min(1.0, (r.requests().failed() + r.requests().inFlightAtEnd()) / (double) sent);
        double latency = r.latency().getTotalCount() == 0 ? Double.POSITIVE_INFINITY
                : r.latency().getValueAtPercentile(quantile * 100);
        return ProbeResult.measured(latency, errors);
    }

    static String percentile(double quantile) {
        return new BigDecimal(quantile * 100).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
