package netarena.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestTemplate;
import org.HdrHistogram.Histogram;

/**
 * Writes a result's files: {@code result.json} (fields documented in docs/LOAD.md) and the percentile
 * distributions {@code latency.hgrm}, {@code service.hgrm} and {@code send-lag.hgrm} in HdrHistogram's
 * {@code outputPercentileDistribution} format, values in milliseconds as wrk2 prints them.
 */
public final class ResultFiles {

    public static final String RESULT_JSON = "result.json";
    public static final String LATENCY_HGRM = "latency.hgrm";
    public static final String SERVICE_HGRM = "service.hgrm";
    public static final String SEND_LAG_HGRM = "send-lag.hgrm";
    /** Bumped when a field changes meaning or goes away; new fields do not bump it. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** Writes result.json and the .hgrm files into {@code dir}, creating it if needed. */
    public static void write(LoadResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(RESULT_JSON).toFile(), toJson(result));
            writeHgrm(result.latency(), dir.resolve(LATENCY_HGRM));
            writeHgrm(result.serviceTime(), dir.resolve(SERVICE_HGRM));
            writeHgrm(result.sendLag(), dir.resolve(SEND_LAG_HGRM));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeHgrm(Histogram h, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); PrintStream ps = new PrintStream(out, false, "UTF-8")) {
            h.outputPercentileDistribution(ps, 1000.0);
        }
    }

    /** The JSON tree of a result. */
    public static ObjectNode toJson(LoadResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
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
        ObjectNode throughput = root.putObject("throughput");
        if (r.plan().openLoop()) {
            throughput.put("requested_per_second", r.plan().ratePerSecond());
        } else {
            throughput.putNull("requested_per_second");
        }
        throughput.put("sent_per_second", r.sentPerSecond());
        throughput.put("ok_per_second", r.okPerSecond());

        ObjectNode generator = root.putObject("generator");
        generator.put("cpu_seconds", r.generatorCpuSeconds());
        generator.put("cpu_micros_per_request", r.generatorCpuMicrosPerRequest());
        generator.put("cpu_cores_busy", r.measuredSeconds() > 0 && r.generatorCpuSeconds() >= 0
                ? r.generatorCpuSeconds() / r.measuredSeconds() : -1);

        requests(root.putObject("requests"), r.requests());
        requests(root.putObject("warmup_requests"), r.warmup());
        ObjectNode errors = root.putObject("errors");
        LoadResult.ErrorCounts e = r.errors();
        errors.put("total", r.errorTotal());
        errors.put("connect_failed", e.connectFailed());
        errors.put("closed", e.closed());
        errors.put("timeout", e.timeout());
        errors.put("lost", e.lost());
        errors.put("bad_request", e.badRequest());
        errors.put("bad_frame", e.badFrame());
        errors.put("busy", e.busy());
        errors.put("mismatch", e.mismatch());
        errors.put("malformed", e.malformed());
        errors.put("http_status", e.httpStatus());
        errors.put("warmup", r.warmup().failed());
        ObjectNode byStatus = root.putObject("http_status_counts");
        e.httpStatusCounts().forEach((code, n) -> byStatus.put(Integer.toString(code), n));
        ArrayNode samples = root.putArray("mismatch_samples");
        r.mismatchSamples().forEach(samples::add);

        LoadResult.ConnectionCounts c = r.connections();
        ObjectNode conns = root.putObject("connections");
        conns.put("requested", c.requested());
        conns.put("established", c.established());
        conns.put("failed_to_connect", c.failedToConnect());
        conns.put("reopened", c.reopened());
        conns.put("open_at_end", c.openAtEnd());
        conns.put("closed_by_server", c.closedByServer());

        root.put("coordinated_omission_corrected", r.plan().openLoop());
        percentiles(root.putObject("latency_micros"), r.latency());
        percentiles(root.putObject("service_time_micros"), r.serviceTime());
        percentiles(root.putObject("send_lag_micros"), r.sendLag());
        percentiles(root.putObject("hiccup_micros"), r.hiccups());
        percentiles(root.putObject("connect_time_micros"), r.connectTime());
        return root;
    }

    private static void config(ObjectNode n, LoadPlan p) {
        n.put("target", p.target());
        n.put("protocol", p.protocol().label());
        n.put("mode", p.openLoop() ? "open" : "closed");
        n.put("connections", p.connections());
        n.put("threads", p.threads());
        n.put("pipeline", p.pipeline());
        if (p.openLoop()) {
            n.put("rate_per_second", p.ratePerSecond());
        } else {
            n.putNull("rate_per_second");
        }
        n.put("arrivals", p.arrivals().label());
        n.put("seed", p.seed());
        n.put("duration_millis", p.duration().toMillis());
        n.put("requests", p.requests());
        n.put("warmup_millis", p.warmup().toMillis());
        n.put("op", p.op().label());
        n.put("size_bytes", p.sizeBytes());
        n.put("arg", p.arg());
        if (p.protocol() == WireProtocol.HTTP) {
            HttpRequestTemplate request = HttpClientProtocol.template(p.target(), p.http(), p.op(), p.sizeBytes(),
                    p.arg());
            ObjectNode http = n.putObject("http");
            http.put("request_line", request.requestLine());
            http.put("custom", p.http().isCustom());
            ArrayNode headers = http.putArray("headers");
            p.http().headers().forEach(headers::add);
            http.put("body_bytes", request.bodyBytes());
        } else {
            n.putNull("http");
        }
        n.put("timeout_millis", p.timeout().toMillis());
        n.put("connect_timeout_millis", p.connectTimeout().toMillis());
        n.put("max_lag_micros", p.maxLag().toNanos() / 1_000);
        n.put("drain_millis", p.drain().toMillis());
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
