package netarena.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * Writes {@code agent.json}, what an agent of a distributed run adds to its run files so that the merge
 * (netarena.results.merge.AgentFolder reads it) is exact: its index and count, the common start instant
 * and when its schedule began (microseconds since the epoch), and its total histograms, microseconds, in
 * HdrHistogram's compressed encoding, base64, under the keys result.json gives their percentiles
 * ({@code latency_micros}, {@code service_time_micros}, {@code send_lag_micros}, {@code hiccup_micros},
 * {@code connect_time_micros}). Fields in docs/DISTRIBUTED.md.
 */
public final class AgentFiles {

    public static final String AGENT_JSON = "agent.json";
    /** Bumped when a field changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AgentFiles() {
    }

    /** Writes agent.json into {@code dir}, beside the result files the generator wrote there. */
    public static void write(LoadResult r, AgentSlice slice, StartGate gate, Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("index", slice.index());
        root.put("count", slice.count());
        root.put("start_at_epoch_micros", gate.startAtEpochMicros());
        root.put("started_epoch_micros", gate.openedEpochMicros());
        root.put("start_late_micros", gate.lateMicros());
        ObjectNode histograms = root.putObject("histograms");
        histograms.put("unit", "microseconds");
        histograms.put("latency_micros", encode(r.latency()));
        histograms.put("service_time_micros", encode(r.serviceTime()));
        histograms.put("send_lag_micros", encode(r.sendLag()));
        histograms.put("hiccup_micros", encode(r.hiccups()));
        histograms.put("connect_time_micros", encode(r.connectTime()));
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(AGENT_JSON).toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + AGENT_JSON + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), n));
    }
}
