package netarena.results.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The merged run's table, as {@code netarena merge} prints it: the total first, then one row per agent. */
public final class MergedTable {

    private MergedTable() {
    }

    public static String format(MergedRun run) {
        JsonNode r = run.result();
        JsonNode config = r.path("config");
        StringBuilder out = new StringBuilder();
        line(out, "netarena merge  %d agent(s), %d merged  %s  %s  %d connection(s)", run.agents().size(),
                r.path("merge").path("merged").asInt(), config.path("target").asText(),
                config.hasNonNull("rate_per_second") ? "open loop " + config.get("rate_per_second").asLong() + " req/s "
                        + config.path("arrivals").asText() : "closed loop", config.path("connections").asInt());
        line(out, "status       %s", r.path("status").asText());
        for (String problem : run.problems()) {
            line(out, "INVALID      %s", problem);
        }
        line(out, "start skew   %s", run.startSkewMicros() < 0 ? "unknown (fewer than two agents said when they started)"
                : String.format(Locale.ROOT, "%.3f ms between the first and the last agent", run.startSkewMicros() / 1000.0));
        line(out, "throughput   %.1f ok/s  (sent %.1f/s)  over %.2f s", r.path("throughput").path("ok_per_second").asDouble(),
                r.path("throughput").path("sent_per_second").asDouble(), r.path("measured_seconds").asDouble());
        out.append('\n');
        line(out, "%-14s %10s %10s %10s %10s %10s %10s  %s", "(ms)", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count");
        row(out, "latency", run.totals().get("latency_micros"));
        row(out, "service time", run.totals().get("service_time_micros"));
        row(out, "send lag", run.totals().get("send_lag_micros"));
        line(out, "percentiles of the agents' histograms added (never of averaged percentiles).");
        out.append('\n');
        JsonNode q = r.path("requests");
        line(out, "requests     sent %d  ok %d  failed %d  late %d  in flight at end %d  unsent behind schedule %d",
                q.path("sent").asLong(), q.path("ok").asLong(), q.path("failed").asLong(), q.path("late").asLong(),
                q.path("in_flight_at_end").asLong(), q.path("unsent_behind_schedule").asLong());
        line(out, "errors       %d", r.path("errors").path("total").asLong());
        out.append('\n');
        line(out, "%-6s %-14s %10s %10s %8s %10s %10s %12s", "agent", "status", "sent", "ok", "errors", "p50 ms",
                "p99 ms", "late ms");
        for (AgentFolder a : run.agents()) {
            Histogram h = a.totals().get("latency_micros");
            JsonNode ar = a.result();
            line(out, "%-6s %-14s %10s %10s %8s %10s %10s %12.3f", a.index() >= 0 ? Integer.toString(a.index()) : "?",
                    ar == null ? "missing" : ar.path("status").asText(),
                    ar == null ? "-" : ar.path("requests").path("sent").asText(),
                    ar == null ? "-" : ar.path("requests").path("ok").asText(),
                    ar == null ? "-" : ar.path("errors").path("total").asText(),
                    ms(h, 50), ms(h, 99), a.start().lateMicros() / 1000.0);
        }
        return out.toString();
    }

    private static String ms(Histogram h, double percentile) {
        return h == null || h.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static void row(StringBuilder out, String name, Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            line(out, "%-14s %10s %10s %10s %10s %10s %10s  %d", name, "-", "-", "-", "-", "-", "-", 0);
            return;
        }
        line(out, "%-14s %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f  %d", name, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getValueAtPercentile(99.99) / 1000.0, h.getMaxValue() / 1000.0,
                h.getTotalCount());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
