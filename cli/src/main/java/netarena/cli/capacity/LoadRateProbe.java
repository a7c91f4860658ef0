package netarena.cli.capacity;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import netarena.cli.sweep.ServerUnderTest;
import netarena.load.Arrivals;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.RateProbe;

/**
 * A {@link RateProbe} over the real load generator: each probe is an open-loop run at the rate (a
 * short warmup, then the measured seconds) against one running server, its files written into a
 * numbered folder. Called on one thread, as {@code SloSearch} does.
 */
final class LoadRateProbe implements RateProbe {

    /** Time for the server to drain what an overloaded step left queued, before the next step. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final BooleanSupplier serverAlive;
    private final LoadPlan template;
    private final Arrivals arrivals;
    private final Path stepsDir;
    private final PrintStream progress;
    private int count;

    /**
     * @param template the load of every step (connections, threads, request, warmup, duration, limits),
     *                 aimed at the server; the rate is set per probe
     */
    LoadRateProbe(ServerUnderTest server, LoadPlan template, Arrivals arrivals, Path stepsDir, PrintStream progress) {
        this(server::alive, template, arrivals, stepsDir, progress);
    }

    /** @param serverAlive false once the server process has died: its steps then count as every request failed */
    LoadRateProbe(BooleanSupplier serverAlive, LoadPlan template, Arrivals arrivals, Path stepsDir,
            PrintStream progress) {
        this.serverAlive = serverAlive;
        this.template = template;
        this.arrivals = arrivals;
        this.stepsDir = stepsDir;
        this.progress = progress;
    }

    @Override
    public ProbeResult probe(double ratePerSecond, double quantile) {
        count++;
        long rate = Math.max(1, Math.round(ratePerSecond));
        Path dir = stepsDir.resolve(String.format(Locale.ROOT, "%02d-%d-per-s", count, rate));
        LoadResult r = LoadGenerator.run(template.withRate(rate, arrivals).withOutDir(dir));
        boolean alive = serverAlive.getAsBoolean();
        ProbeResult p = alive ? of(r, quantile) : ProbeResult.measured(Double.POSITIVE_INFINITY, 1.0);
        progress.printf(Locale.ROOT, "  probe %2d: %,d/s offered, %,.0f/s answered: %s%n", count, rate, r.okPerSecond(),
                p.generatorInvalid() ? "generator invalid (" + p.invalidReason() + ")"
                        : String.format(Locale.ROOT, "p%s %,.0f us, errors %.3g%%%s", percentile(quantile),
                                p.latencyMicros(), p.errorRatio() * 100, alive ? "" : " (the server died)"));
        settle();
        return p;
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
        return new java.math.BigDecimal(quantile * 100).round(new java.math.MathContext(4)).stripTrailingZeros()
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
