package netarena.results.capacity;

import java.util.List;
import java.util.Locale;

/** The plain-text summary {@code netarena capacity} prints: the answers first, then the measurements behind them. */
public final class CapacityText {

    private CapacityText() {
    }

    public static String render(CapacityAnswer a) {
        StringBuilder sb = new StringBuilder("netarena capacity: ").append(a.subject()).append('\n');
        if (a.slo() != null) {
            slo(sb, a.slo());
        }
        if (a.scaling() != null) {
            scaling(sb, a.scaling());
        }
        if (a.pool() != null) {
            pool(sb, a.pool());
        }
        return sb.toString();
    }

    /** One sentence for the SLO answer, also the report's headline. */
    public static String sloHeadline(CapacityAnswer.SloAnswer s) {
        SearchResult r = s.search();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "SLO %s (errors <= %s): ", s.text(), percent(s.slo().maxErrorRatio())));
        if (!r.found()) {
            return sb.append("no rate passed. ").append(r.reason()).toString();
        }
        var repeated = confirmation(s, r.highestPassingRatePerSecond());
        if (repeated.isPresent() && repeated.get().passes() == 0) {
            // the search saw it pass once, every repeat failed: it does not hold there
            sb.append(String.format(Locale.ROOT, "passed at %s/s in the search, then in none of %d repeats",
                    num(r.highestPassingRatePerSecond()), repeated.get().runs()));
        } else {
            sb.append(String.format(Locale.ROOT, "holds at %s/s", num(r.highestPassingRatePerSecond())));
            repeated.ifPresent(c -> sb.append(String.format(Locale.ROOT, " (passed %d of %d repeats)", c.passes(),
                    c.runs())));
        }
        if (!Double.isNaN(r.lowestFailingRatePerSecond())) {
            sb.append(String.format(Locale.ROOT, ", fails at %s/s", num(r.lowestFailingRatePerSecond())));
            confirmation(s, r.lowestFailingRatePerSecond()).ifPresent(c -> sb.append(String.format(Locale.ROOT,
                    " (failed %d of %d repeats)", c.runs() - c.passes(), c.runs())));
        } else {
            sb.append(" (no failing rate found: ").append(r.stop()).append(')');
        }
        if (!Double.isNaN(r.kneeRatePerSecond())) {
            sb.append(String.format(Locale.ROOT, "; knee at %s/s", num(r.kneeRatePerSecond())));
        }
        return sb.toString();
    }

    /** The answer to trust: the passing rate when every repeat passed there, else a sentence saying why not. */
    public static String sloBound(CapacityAnswer.SloAnswer s) {
        SearchResult r = s.search();
        if (!r.found()) {
            return "no rate to recommend";
        }
        var pass = confirmation(s, r.highestPassingRatePerSecond());
        var fail = Double.isNaN(r.lowestFailingRatePerSecond()) ? java.util.Optional.<CapacityAnswer.Confirmation>empty()
                : confirmation(s, r.lowestFailingRatePerSecond());
        if (pass.isEmpty()) {
            return String.format(Locale.ROOT, "%s/s, not repeated", num(r.highestPassingRatePerSecond()));
        }
        if (!pass.get().allPassed()) {
            return String.format(Locale.ROOT, "not confirmed: %s/s passed only %d of %d repeats; the limit is noisy "
                    + "there, plan below it", num(r.highestPassingRatePerSecond()), pass.get().passes(), pass.get().runs());
        }
        if (fail.isPresent() && !fail.get().allFailed()) {
            return String.format(Locale.ROOT, "at least %s/s (passed %d/%d); %s/s passed %d of %d repeats, so the "
                    + "limit is above it some of the time", num(r.highestPassingRatePerSecond()), pass.get().passes(),
                    pass.get().runs(), num(r.lowestFailingRatePerSecond()), fail.get().passes(), fail.get().runs());
        }
        return String.format(Locale.ROOT, "between %s/s (passed %d/%d) and %s", num(r.highestPassingRatePerSecond()),
                pass.get().passes(), pass.get().runs(), fail.map(f -> num(r.lowestFailingRatePerSecond())
                        + "/s (failed " + (f.runs() - f.passes()) + "/" + f.runs() + ")").orElse("the maximum rate probed"));
    }

    private static void slo(StringBuilder sb, CapacityAnswer.SloAnswer s) {
        sb.append('\n').append(sloHeadline(s)).append('\n');
        sb.append("  capacity: ").append(sloBound(s)).append('\n');
        sb.append("  search: ").append(s.search().stop()).append(": ").append(s.search().reason()).append('\n');
        sb.append(String.format(Locale.ROOT, "  %4s %-10s %12s %14s %10s  %s%n", "step", "phase", "rate/s",
                "latency us", "errors", "outcome"));
        for (SearchStep step : s.search().steps()) {
            ProbeResult p = step.result();
            sb.append(String.format(Locale.ROOT, "  %4d %-10s %12s %14s %10s  %s%s%n", step.index() + 1,
                    step.phase().name().toLowerCase(Locale.ROOT), num(step.ratePerSecond()),
                    p.generatorInvalid() ? "-" : num(p.latencyMicros()),
                    p.generatorInvalid() ? "-" : percent(p.errorRatio()), step.outcome(),
                    step.note().isEmpty() ? "" : " (" + step.note() + ")"));
        }
        for (CapacityAnswer.Confirmation c : s.confirmations()) {
            sb.append(String.format(Locale.ROOT, "  repeated at %s/s: %d of %d passed, latency %s..%s us%s%n",
                    num(c.ratePerSecond()), c.passes(), c.runs(), num(c.minLatencyMicros()), num(c.maxLatencyMicros()),
                    c.invalid() > 0 ? ", " + c.invalid() + " invalid (generator)" : ""));
        }
    }

    private static void scaling(StringBuilder sb, CapacityAnswer.ScalingAnswer s) {
        sb.append('\n');
        if (s.fit() != null) {
            UslModel m = s.fit().model();
            String peak = m.hasPeak() ? "peak " + num(m.peakThroughput()) + "/s at N* = " + num(m.peakConcurrency())
                    : "no peak (kappa 0): throughput approaches " + num(m.peakThroughput()) + "/s";
            sb.append(String.format(Locale.ROOT, "USL: sigma %.4g, kappa %.4g, lambda %s/s per connection; %s; "
                    + "R^2 %.4f; holdout error %s at N=%s (fit without it), leave-one-out %s%n", m.sigma(),
                    m.kappa(), num(m.lambda()), peak, s.fit().rSquared(),
                    signedPercent(s.fit().holdoutRelativeError()), num(s.fit().holdoutConcurrency()),
                    percent(s.fit().leaveOneOutMeanAbsError())));
        } else {
            sb.append("USL: no fit: ").append(s.problem()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  %11s %14s %12s %12s %10s  %s%n", "connections", "throughput/s",
                "mean us", "p99 us", "X*R/N", "Little's law"));
        for (CapacityAnswer.ClosedLoopPoint p : s.points()) {
            LittleFinding f = finding(s.little(), p.connections());
            sb.append(String.format(Locale.ROOT, "  %11d %14s %12s %12s %10s  %s%n", p.connections(),
                    num(p.throughputPerSecond()), num(p.meanLatencyMicros()), num(p.p99Micros()),
                    f == null ? "-" : String.format(Locale.ROOT, "%.3f", f.impliedConcurrency() / p.connections()),
                    !p.valid() ? "not used: " + p.note() : f == null ? "" : f.violated() ? "VIOLATED: " + f.hint() : "ok"));
        }
    }

    private static void pool(StringBuilder sb, CapacityAnswer.PoolAnswer p) {
        CapacityAnswer.ServiceTime t = p.serviceTime();
        String q = "p" + trim(p.slo().quantile() * 100);
        sb.append('\n').append(String.format(Locale.ROOT, "Pool for %s/s at %s, %s pool: service time %s us, the %s's "
                + "(server %s us held a thread, client %s us answer minus write; means at %s/s); offered load %.3g "
                + "erlangs%n", num(p.ratePerSecond()), p.sloText(), p.workerPool(), num(t.sizingMicros()), t.source(), num(t.serverMeanMicros()),
                num(t.clientMeanMicros()), num(p.serviceRatePerSecond()), p.recommendation().offeredLoad()));
        recommendation(sb, p.recommendation(), "recommended");
        recommendation(sb, p.erlangC(), "beside it");
        if (!p.checks().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %7s  %14s  %14s  %14s  %7s  %9s  %9s  %s%n", "workers",
                    "M/D/c " + q + " us", "M/M/c " + q + " us", "measured us", "errors", "out (gen)", "held (srv)",
                    "verdict"));
        }
        for (CapacityAnswer.PoolCheck c : p.checks()) {
            sb.append(String.format(Locale.ROOT, "  %7d  %14s  %14s  %14s  %7s  %9s  %9s  %s%n", c.workers(),
                    num(c.predictedMdcMicros()), num(c.predictedMmcMicros()), num(c.measuredMicros()),
                    percent(c.errorRatio()), inFlight(c.inFlight().generatorInFlight()),
                    inFlight(c.inFlight().serverInFlight()), !c.valid() ? "INVALID (" + c.note() + ")" : c.meetsSlo()
                            ? "meets the SLO" : "misses the SLO" + (c.note().isEmpty() ? "" : " (" + c.note() + ")")));
        }
        for (CapacityAnswer.PoolCheck c : p.checks()) {
            InFlightFinding f = c.inFlight();
            sb.append(String.format(Locale.ROOT, "  Little's law with %d workers: %s%n", c.workers(), !f.checked()
                    ? "not checked (the server's or the generator's figure is unknown)" : f.violated()
                            ? "VIOLATED: " + f.hint() : String.format(Locale.ROOT, "ok (%s queued or on the wire)",
                                    inFlight(f.waitingOrInTransit()))));
        }
        smallestMeasured(p).ifPresent(n -> sb.append(String.format(Locale.ROOT,
                "  smallest pool measured that meets the SLO: %d (recommended %d)%n", n, p.recommendation().servers())));
    }

    /** Requests in flight, two decimals; "-" when unknown. */
    public static String inFlight(double requests) {
        return Double.isFinite(requests) ? String.format(Locale.ROOT, "%.2f", requests) : "-";
    }

    private static void recommendation(StringBuilder sb, PoolRecommendation r, String role) {
        if (!r.feasible()) {
            sb.append("  ").append(r.model().label()).append(": no pool meets the SLO: ").append(r.reason()).append('\n');
            return;
        }
        sb.append(String.format(Locale.ROOT, "  %s, %s: %d workers, utilisation %s, P(wait) %s, predicted p%s %s us%n",
                r.model().label(), role, r.servers(), percent(r.utilisation()), percent(r.probabilityOfWaiting()),
                trim(r.sloQuantile() * 100), num(r.responsePercentileSeconds() * 1e6)));
    }

    /** The fewest workers among the valid checks that met the SLO, if any did. */
    public static java.util.OptionalInt smallestMeasured(CapacityAnswer.PoolAnswer p) {
        return p.checks().stream().filter(c -> c.valid() && c.meetsSlo()).mapToInt(CapacityAnswer.PoolCheck::workers)
                .min();
    }

    static java.util.Optional<CapacityAnswer.Confirmation> confirmation(CapacityAnswer.SloAnswer s, double rate) {
        return s.confirmations().stream().filter(c -> c.ratePerSecond() == rate).findFirst();
    }

    private static LittleFinding finding(List<LittleFinding> findings, int connections) {
        return findings.stream().filter(f -> f.point().concurrency() == connections).findFirst().orElse(null);
    }

    /** About three significant digits with grouped thousands; n/a when not finite. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return a >= 1 ? String.format(Locale.ROOT, "%.2f", v) : a == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : trim(fraction * 100) + "%";
    }

    static String signedPercent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
