package netarena.results.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import netarena.load.AgentFiles;
import netarena.load.ResultFiles;
import org.HdrHistogram.HistogramLogWriter;

/** Writes an agent's folder as the load generator would, from histograms whose merged answer is known. */
final class AgentFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final int index;
    final int count;
    long startAtMicros = 1_700_000_000_000_000L;
    long lateMicros;
    int exitCode;
    String invalidReason;
    long sent;
    final List<Histogram> intervals;

    AgentFixture(int index, int count, List<Histogram> intervals) {
        this.index = index;
        this.count = count;
        this.intervals = intervals;
        this.sent = intervals.stream().mapToLong(Histogram::getTotalCount).sum() + 3;
    }

    static Histogram values(long... micros) {
        Histogram h = new Histogram(1, 3_600_000_000L, 3);
        for (long v : micros) {
            h.recordValue(v);
        }
        return h;
    }

    static Histogram repeated(long micros, int times) {
        Histogram h = new Histogram(1, 3_600_000_000L, 3);
        h.recordValueWithCount(micros, times);
        return h;
    }

    Histogram total() {
        Histogram t = new Histogram(1, 3_600_000_000L, 3);
        intervals.forEach(t::add);
        return t;
    }

    Path write(Path root) throws IOException {
        Path dir = root.resolve("agent-" + index);
        Files.createDirectories(dir);
        long startMillis = (startAtMicros + lateMicros) / 1000;
        HistogramLogWriter w = new HistogramLogWriter(dir.resolve(ResultFiles.LATENCY_HLOG).toFile());
        w.outputLogFormatVersion();
        w.outputStartTime(startMillis);
        w.setBaseTime(startMillis);
        w.outputBaseTime(startMillis);
        w.outputLegend();
        Histogram values = ResultFiles.newHlogHistogram();
        for (int i = 0; i < intervals.size(); i++) {
            w.outputIntervalHistogram(i, i + 1, ResultFiles.toHlogValues(intervals.get(i), values),
                    ResultFiles.HLOG_MAX_VALUE_UNIT_RATIO);
        }
        w.close();

        ObjectNode result = JSON.createObjectNode();
        result.put("format_version", 1);
        result.put("status", exitCode == 0 ? "ok" : exitCode == 2 ? "invalid" : "errors");
        result.put("exit_code", exitCode);
        result.put("valid", invalidReason == null);
        result.put("partial", false);
        result.putArray("invalid_reasons");
        if (invalidReason != null) {
            result.withArray("invalid_reasons").add(invalidReason);
        }
        result.putNull("connect_failure");
        ObjectNode config = result.putObject("config");
        config.put("target", "127.0.0.1:7000");
        config.put("connections", 2);
        config.put("threads", 1);
        config.put("rate_per_second", 1000);
        config.put("arrivals", "constant");
        config.put("requests", 0);
        result.put("measured_seconds", intervals.size() + 0.5 * index);
        ObjectNode throughput = result.putObject("throughput");
        throughput.put("requested_per_second", 1000);
        throughput.put("sent_per_second", 990.5);
        throughput.put("ok_per_second", 980.25);
        result.putObject("generator").put("cpu_seconds", 0.5);
        ObjectNode requests = result.putObject("requests");
        requests.put("sent", sent);
        requests.put("ok", total().getTotalCount());
        requests.put("failed", 3);
        result.putObject("warmup_requests").put("sent", 7);
        ObjectNode errors = result.putObject("errors");
        errors.put("total", 3);
        errors.put("timeout", 3);
        result.putObject("connections").put("requested", 2);
        result.putObject("http_status_counts").put("503", index + 1);
        result.putArray("mismatch_samples");
        JSON.writeValue(dir.resolve(ResultFiles.RESULT_JSON).toFile(), result);

        ObjectNode agent = JSON.createObjectNode();
        agent.put("format_version", 1);
        agent.put("index", index);
        agent.put("count", count);
        agent.put("start_at_epoch_micros", startAtMicros);
        agent.put("started_epoch_micros", startAtMicros + lateMicros);
        ObjectNode histograms = agent.putObject("histograms");
        for (String key : AgentFolder.HISTOGRAM_KEYS) {
            histograms.put(key, encode(key.equals("latency_micros") ? total() : repeated(10 * (index + 1), 5)));
        }
        JSON.writeValue(dir.resolve(AgentFiles.AGENT_JSON).toFile(), agent);
        return dir;
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[n];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
