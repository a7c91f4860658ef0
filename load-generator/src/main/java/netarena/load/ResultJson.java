package netarena.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestTemplate;
import org.HdrHistogram.Histogram;

/**
 * The tree of {@link ResultFiles#RESULT_JSON}: every field is documented in docs/LOAD.md; times carry
 * their unit in the key ({@code _millis}, {@code _micros}, {@code _seconds}).
 */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    /** The JSON tree of a result. */
    static ObjectNode toJson(LoadResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", ResultFiles.FORMAT_VERSION);
        ObjectNode build = root.putObject("netarena");
        build.put("version", BuildInfo.current().version());
        build.put("commit", BuildInfo.current().commit());
        root.put("status", r.status());
        root.put("exit_code", r.exitCode());
        root.put("valid", r.valid());
        root.put("partial", r.partial());
        ArrayNode reasons = root.putArray("invalid_reasons");
        r.invalidReasons().forEach(reasons::add);
        if (r.connectFailure() != null) {
            root.put("connect_failure", r.connectFailure());
        } else {
            root.putNull("connect_failure");
        }
        root.put("started_at", r.startedAt().toString());
        config(root.putObject("config"), r.plan());
        environment(root.putObject("environment"), r.environment());
        root.put("measured_seconds", r.measuredSeconds());
        throughput(root.putObject("throughput"), r);
        generator(root.putObject("generator"), r);
        requests(root.putObject("requests"), r.requests());
        requests(root.putObject("warmup_requests"), r.warmup());
        errors(root, r);
        connections(root.putObject("connections"), r.connections());
        root.put("coordinated_omission_corrected", r.plan().openLoop());
        percentiles(root.putObject("latency_micros"), r.latency());
        ((ObjectNode) root.get("latency_micros")).put("timed_out_samples", r.timedOutLatencySamples());
        percentiles(root.putObject("service_time_micros"), r.serviceTime());
        percentiles(root.putObject("send_lag_micros"), r.sendLag());
        percentiles(root.putObject("hiccup_micros"), r.hiccups());
        percentiles(root.putObject("connect_time_micros"), r.connectTime());
        return root;
    }

    private static void throughput(ObjectNode n, LoadResult r) {
        if (r.plan().openLoop()) {
            n.put("requested_per_second", r.plan().shape().ratePerSecond());
        } else {
            n.putNull("requested_per_second");
        }
        n.put("sent_per_second", r.sentPerSecond());
        n.put("ok_per_second", r.okPerSecond());
    }

    private static void generator(ObjectNode n, LoadResult r) {
        n.put("cpu_seconds", r.generatorCpuSeconds());
        n.put("cpu_micros_per_request", r.generatorCpuMicrosPerRequest());
        n.put("cpu_cores_busy", r.measuredSeconds() > 0 && r.generatorCpuSeconds() >= 0
                ? r.generatorCpuSeconds() / r.measuredSeconds() : -1);
    }

    /** {@code errors} by {@link ErrorKind}, the HTTP statuses and the mismatch samples. */
    private static void errors(ObjectNode root, LoadResult r) {
        ObjectNode errors = root.putObject("errors");
        LoadResult.ErrorCounts e = r.errors();
        errors.put("total", r.errorTotal());
        for (ErrorKind kind : ErrorKind.VALUES) {
            errors.put(kind.label(), e.get(kind));
        }
        errors.put("warmup", r.warmup().failed());
        ObjectNode byStatus = root.putObject("http_status_counts");
        e.httpStatusCounts().forEach((code, n) -> byStatus.put(Integer.toString(code), n));
        ArrayNode samples = root.putArray("mismatch_samples");
        r.mismatchSamples().forEach(samples::add);
    }

    private static void connections(ObjectNode n, LoadResult.ConnectionCounts c) {
        n.put("requested", c.requested());
        n.put("established", c.established());
        n.put("failed_to_connect", c.failedToConnect());
        n.put("reopened", c.reopened());
        n.put("open_at_end", c.openAtEnd());
        n.put("closed_by_server", c.closedByServer());
    }

    private static void config(ObjectNode n, LoadPlan p) {
        n.put("target", p.target().hostPort());
        n.put("protocol", p.target().protocol().label());
        n.put("mode", p.openLoop() ? "open" : "closed");
        n.put("connections", p.limits().connections());
        n.put("threads", p.limits().threads());
        n.put("pipeline", p.shape().pipeline());
        switch (p.shape()) {
            case OpenLoop open -> {
                n.put("rate_per_second", open.ratePerSecond());
                n.put("arrivals", open.arrivals().label());
                n.put("warmup_at_full_speed", p.warmsUpAtFullSpeed());
            }
            case ClosedLoop closed -> {
                n.putNull("rate_per_second");
                n.put("arrivals", LoadDefaults.ARRIVALS.label());
                n.put("warmup_at_full_speed", !p.bounds().warmup().isZero());
            }
        }
        LoadBounds b = p.bounds();
        LoadRequest q = p.request();
        n.put("seed", q.seed());
        n.put("duration_millis", b.duration().toMillis());
        n.put("requests", b.requests());
        n.put("warmup_millis", b.warmup().toMillis());
        n.put("op", q.op().label());
        n.put("size_bytes", q.sizeBytes());
        n.put("arg", q.arg());
        http(n, p);
        n.put("timeout_millis", b.timeout().toMillis());
        n.put("connect_timeout_millis", b.connectTimeout().toMillis());
        n.put("max_lag_micros", p.limits().maxLag().toNanos() / 1_000);
        n.put("max_lag_share", p.limits().maxLagShare());
        n.put("drain_millis", b.drain().toMillis());
    }

    private static void http(ObjectNode n, LoadPlan p) {
        if (p.target().protocol() != WireProtocol.HTTP) {
            n.putNull("http");
            return;
        }
        HttpRequestTemplate request = p.httpTemplate();
        ObjectNode http = n.putObject("http");
        http.put("request_line", request.requestLine());
        http.put("custom", p.request().http().isCustom());
        ArrayNode headers = http.putArray("headers");
        p.request().http().headers().forEach(headers::add);
        http.put("body_bytes", request.bodyBytes());
    }

    private static void environment(ObjectNode n, LoadResult.Environment e) {
        n.put("java_version", e.javaVersion());
        n.put("java_vm", e.javaVm());
        n.put("os_name", e.osName());
        n.put("os_version", e.osVersion());
        n.put("os_arch", e.osArch());
        n.put("cpu_count", e.cpuCount());
        n.put("transport", e.transport());
        n.put("max_open_files", e.maxOpenFiles());
    }

    private static void requests(ObjectNode n, LoadResult.RequestCounts c) {
        n.put("sent", c.sent());
        n.put("ok", c.ok());
        n.put("failed", c.failed());
        n.put("late", c.late());
        n.put("in_flight_at_end", c.inFlightAtEnd());
        n.put("unsent_behind_schedule", c.unsentBehindSchedule());
        n.put("resent", c.resent());
        n.put("ok_in_window", c.okInWindow());
    }

    private static void percentiles(ObjectNode n, Histogram h) {
        Percentiles p = Percentiles.of(h);
        n.put("count", p.count());
        n.put("min", p.minMicros());
        n.put("mean", p.meanMicros());
        n.put("p50", p.p50Micros());
        n.put("p90", p.p90Micros());
        n.put("p99", p.p99Micros());
        n.put("p99_9", p.p999Micros());
        n.put("p99_99", p.p9999Micros());
        n.put("max", p.maxMicros());
    }
}
