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
        LoadPlan p = r.plan();
        StringBuilder out = new StringBuilder();
        line(out, "netarena load %s  %s %s%s  %s  %d connection(s) on %d thread(s)", p.target(),
                p.protocol().label(), p.requestLabel(), requestSize(p),
                p.openLoop() ? "open loop " + p.ratePerSecond() + " req/s " + p.arrivals().label()
                        : "closed loop, pipeline " + p.pipeline(),
                p.connections(), p.threads());
        line(out, "status       %s%s", r.status(), r.partial() ? " (stopped early: partial)" : "");
        if (r.connectFailed()) {
            line(out, "connect      %s", r.connectFailure());
        }
        for (String reason : r.invalidReasons()) {
            line(out, "INVALID      %s", reason);
        }
        line(out, "measured     %.2f s%s", r.measuredSeconds(),
                p.warmup().isZero() ? "" : " after " + p.warmup().toMillis() / 1000.0 + " s warmup");
        line(out, "throughput   %.1f ok/s  (sent %.1f/s%s)", r.okPerSecond(), r.sentPerSecond(),
                p.openLoop() ? ", requested " + p.ratePerSecond() + "/s" : "");
        if (r.generatorCpuSeconds() >= 0 && r.measuredSeconds() > 0) {
            line(out, "generator    %.2f CPU s (%.0f%% of a core), %.2f us of CPU per request", r.generatorCpuSeconds(),
                    100 * r.generatorCpuSeconds() / r.measuredSeconds(), r.generatorCpuMicrosPerRequest());
        }
        out.append('\n');
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
        out.append('\n');
        LoadResult.RequestCounts q = r.requests();
        line(out, "requests     sent %d  ok %d  failed %d  late %d  in flight at end %d  unsent behind schedule %d%s",
                q.sent(), q.ok(), q.failed(), q.late(), q.inFlightAtEnd(), q.unsentBehindSchedule(),
                q.resent() > 0 ? "  resent " + q.resent() : "");
        LoadResult.RequestCounts w = r.warmup();
        if (w.sent() > 0) {
            line(out, "warmup       sent %d  ok %d  failed %d", w.sent(), w.ok(), w.failed());
        }
        LoadResult.ErrorCounts e = r.errors();
        if (p.protocol() == WireProtocol.HTTP) {
            line(out, "errors       %d: connect_failed %d  closed %d  timeout %d  lost %d  http_status %d  mismatch %d"
                    + "  malformed %d  warmup %d", r.errorTotal(), e.connectFailed(), e.closed(), e.timeout(), e.lost(),
                    e.httpStatus(), e.mismatch(), e.malformed(), w.failed());
            if (!e.httpStatusCounts().isEmpty()) {
                StringBuilder byStatus = new StringBuilder();
                e.httpStatusCounts().forEach((code, n) -> byStatus.append("  ").append(code).append(' ').append(n));
                line(out, "  non-2xx   %s", byStatus.substring(2));
            }
        } else {
            line(out, "errors       %d: connect_failed %d  closed %d  timeout %d  lost %d  bad_request %d  bad_frame %d"
                    + "  busy %d  mismatch %d  malformed %d  warmup %d", r.errorTotal(), e.connectFailed(), e.closed(),
                    e.timeout(), e.lost(), e.badRequest(), e.badFrame(), e.busy(), e.mismatch(), e.malformed(), w.failed());
        }
        for (String sample : r.mismatchSamples()) {
            line(out, "  mismatch   %s", sample);
        }
        LoadResult.ConnectionCounts c = r.connections();
        line(out, "connections  requested %d  established %d  failed to connect %d  reopened %d  open at end %d%s",
                c.requested(), c.established(), c.failedToConnect(), c.reopened(), c.openAtEnd(),
                p.protocol() == WireProtocol.HTTP ? "  closed by server " + c.closedByServer() : "");
        return out.toString();
    }

    /** The bytes each request carries: the frame payload, or the HTTP body when there is one. */
    private static String requestSize(LoadPlan p) {
        if (p.protocol() != WireProtocol.HTTP) {
            return " " + p.sizeBytes() + " B" + (p.arg() > 0 ? " arg " + p.arg() : "");
        }
        int body = p.http().isCustom() ? p.http().bodyBytes() : p.op() == Op.ECHO ? p.sizeBytes() : 0;
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
