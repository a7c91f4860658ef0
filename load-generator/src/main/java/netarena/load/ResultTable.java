package netarena.load;

import java.util.Locale;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import org.HdrHistogram.Histogram;

/** The end-of-run table printed on stdout: throughput, percentiles of each view, counts. */
public final class ResultTable {

    private ResultTable() {
    }

    public static String format(LoadResult r) {
        StringBuilder out = new StringBuilder();
        head(out, r);
        out.append('\n');
        percentiles(out, r);
        out.append('\n');
        counts(out, r);
        return out.toString();
    }

    /** The plan, the status and the throughput. */
    private static void head(StringBuilder out, LoadResult r) {
        LoadPlan p = r.plan();
        line(out, "netarena load %s  %s %s%s  %s  %d connection(s) on %d thread(s)", p.target().hostPort(),
                p.target().protocol().label(), p.requestLabel(), requestSize(p), switch (p.shape()) {
                    case OpenLoop o -> "open loop " + o.ratePerSecond() + " req/s " + o.arrivals().label();
                    case ClosedLoop c -> "closed loop, pipeline " + c.depth();
                }, p.limits().connections(), p.limits().threads());
        line(out, "status       %s%s", r.status(), r.partial() ? " (stopped early: partial)" : "");
        if (r.connectFailed()) {
            line(out, "connect      %s", r.connectFailure());
        }
        for (String reason : r.invalidReasons()) {
            line(out, "INVALID      %s", reason);
        }
        line(out, "measured     %.2f s%s", r.measuredSeconds(),
                p.bounds().warmup().isZero() ? ", no warmup" : " after " + p.bounds().warmup().toMillis() / 1000.0
                        + " s warmup (not recorded)");
        line(out, "throughput   %.1f ok/s  (sent %.1f/s%s)", r.okPerSecond(), r.sentPerSecond(),
                p.openLoop() ? ", requested " + p.shape().ratePerSecond() + "/s" : "");
        if (r.generatorCpuSeconds() >= 0 && r.measuredSeconds() > 0) {
            line(out, "generator    %.2f CPU s (%.0f%% of a core), %.2f us of CPU per request", r.generatorCpuSeconds(),
                    100 * r.generatorCpuSeconds() / r.measuredSeconds(), r.generatorCpuMicrosPerRequest());
        }
    }

    /** One row of percentiles per view. */
    private static void percentiles(StringBuilder out, LoadResult r) {
        LoadPlan p = r.plan();
        line(out, "%-14s %10s %10s %10s %10s %10s %10s  %s", "(ms)", "p50", "p90", "p99", "p99.9", "p99.99", "max",
                "count");
        row(out, p.openLoop() ? "latency" : "latency*", r.latency());
        row(out, "service time", r.serviceTime());
        if (p.openLoop()) {
            row(out, "send lag", r.sendLag());
        }
        row(out, "hiccups", r.hiccups());
        row(out, "connect", r.connectTime());
        if (p.openLoop()) {
            line(out, "latency counts from each request's intended send time (coordinated omission corrected).");
        } else {
            line(out, "* closed loop: latency counts from the actual send, so it is not corrected for coordinated omission.");
        }
    }

    /** What became of the requests and the connections, and every error. */
    private static void counts(StringBuilder out, LoadResult r) {
        LoadResult.RequestCounts q = r.requests();
        line(out, "requests     sent %d  ok %d  failed %d  late %d  in flight at end %d  unsent behind schedule %d%s",
                q.sent(), q.ok(), q.failed(), q.late(), q.inFlightAtEnd(), q.unsentBehindSchedule(),
                q.resent() > 0 ? "  resent " + q.resent() : "");
        LoadResult.RequestCounts w = r.warmup();
        if (w.sent() > 0) {
            line(out, "warmup       sent %d  ok %d  failed %d", w.sent(), w.ok(), w.failed());
        }
        errors(out, r);
        for (String sample : r.mismatchSamples()) {
            line(out, "  mismatch   %s", sample);
        }
        LoadResult.ConnectionCounts c = r.connections();
        line(out, "connections  requested %d  established %d  failed to connect %d  reopened %d  open at end %d%s",
                c.requested(), c.established(), c.failedToConnect(), c.reopened(), c.openAtEnd(),
                r.plan().target().protocol() == WireProtocol.HTTP ? "  closed by server " + c.closedByServer() : "");
    }

    /** Every error kind the protocol can produce, then the HTTP statuses outside 2xx. */
    private static void errors(StringBuilder out, LoadResult r) {
        WireProtocol protocol = r.plan().target().protocol();
        StringBuilder kinds = new StringBuilder();
        for (ErrorKind kind : ErrorKind.VALUES) {
            if (kind.appliesTo(protocol)) {
                kinds.append(kinds.isEmpty() ? "" : "  ").append(kind.label()).append(' ').append(r.errors().get(kind));
            }
        }
        line(out, "errors       %d: %s  warmup %d", r.errorTotal(), kinds, r.warmup().failed());
        if (!r.errors().httpStatusCounts().isEmpty()) {
            StringBuilder byStatus = new StringBuilder();
            r.errors().httpStatusCounts().forEach((code, n) -> byStatus.append("  ").append(code).append(' ').append(n));
            line(out, "  non-2xx   %s", byStatus.substring(2));
        }
    }

    /** The bytes each request carries: the frame payload, or the HTTP body when there is one. */
    private static String requestSize(LoadPlan p) {
        LoadRequest q = p.request();
        if (p.target().protocol() != WireProtocol.HTTP) {
            return " " + q.sizeBytes() + " B" + (q.arg() > 0 ? " arg " + q.arg() : "");
        }
        int body = q.http().isCustom() ? q.http().bodyBytes() : q.op() == Op.ECHO ? q.sizeBytes() : 0;
        return body > 0 ? ", body " + body + " B" : "";
    }

    private static void row(StringBuilder out, String name, Histogram h) {
        Percentiles p = Percentiles.of(h);
        line(out, "%-14s %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f  %d", name, p.p50Micros() / 1000,
                p.p90Micros() / 1000, p.p99Micros() / 1000, p.p999Micros() / 1000, p.p9999Micros() / 1000,
                p.maxMicros() / 1000, p.count());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
