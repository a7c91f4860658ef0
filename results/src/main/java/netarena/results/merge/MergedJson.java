package netarena.results.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import netarena.load.LoadResult;
import org.HdrHistogram.Histogram;

/**
 * The pieces of the merged {@code result.json}: counts added field by field, percentiles read from added
 * histograms, the exit code by the load command's precedence, and each agent's own figures.
 */
final class MergedJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MergedJson() {
    }

    /**
     * Connect failure first, then invalid (any problem), errors, partial, ok: {@link LoadResult}'s exit codes,
     * ranked as one agent's run ranks them.
     */
    static int exitCode(List<AgentFolder> agents, boolean invalid) {
        if (agents.stream().anyMatch(a -> a.exitCode() == LoadResult.EXIT_CONNECT_FAILED)) {
            return LoadResult.EXIT_CONNECT_FAILED;
        }
        if (invalid) {
            return LoadResult.EXIT_INVALID;
        }
        for (int code : new int[] {LoadResult.EXIT_ERRORS, LoadResult.EXIT_PARTIAL}) {
            if (agents.stream().anyMatch(a -> a.exitCode() == code)) {
                return code;
            }
        }
        return LoadResult.EXIT_OK;
    }

    static String firstText(List<JsonNode> trees, String field) {
        return trees.stream().filter(t -> t.hasNonNull(field)).map(t -> t.get(field).asText()).findFirst().orElse(null);
    }

    /** Sets {@code target.field} to the sum of {@code section.field} over the trees; null stays null. */
    static void sumField(ObjectNode target, List<JsonNode> trees, String section, String field) {
        if (!target.hasNonNull(field)) {
            return;
        }
        boolean integral = target.get(field).isIntegralNumber();
        long whole = 0;
        double real = 0;
        for (JsonNode t : trees) {
            JsonNode v = t.path(section).path(field);
            whole += v.asLong();
            real += v.asDouble();
        }
        if (integral) {
            target.put(field, whole);
        } else {
            target.put(field, real);
        }
    }

    /** A section of counts: every numeric field the sum of the trees' (a field missing in one counts 0). */
    static ObjectNode sumCounts(List<JsonNode> sections) {
        ObjectNode sum = NODES.objectNode();
        for (JsonNode s : sections) {
            Iterator<Map.Entry<String, JsonNode>> fields = s.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isNumber()) {
                    sum.put(f.getKey(), sum.path(f.getKey()).asLong() + f.getValue().asLong());
                }
            }
        }
        return sum;
    }

    /** The generator's CPU: added over the agents; -1 when any agent could not say. */
    static void generator(ObjectNode generator, List<JsonNode> trees, double measuredSeconds) {
        double cpu = 0;
        long sent = 0;
        for (JsonNode t : trees) {
            double c = t.path("generator").path("cpu_seconds").asDouble(-1);
            cpu = cpu < 0 || c < 0 ? -1 : cpu + c;
            sent += t.path("requests").path("sent").asLong();
        }
        generator.put("cpu_seconds", cpu);
        generator.put("cpu_micros_per_request", cpu >= 0 && sent > 0 ? cpu * 1e6 / sent : -1);
        generator.put("cpu_cores_busy", cpu >= 0 && measuredSeconds > 0 ? cpu / measuredSeconds : -1);
    }

    /** The fields of result.json's percentile objects, microseconds, read from {@code h}. */
    static void percentiles(ObjectNode n, Histogram h) {
        boolean any = h.getTotalCount() > 0;
        n.put("count", h.getTotalCount());
        n.put("min", any ? (double) h.getMinValue() : 0);
        n.put("mean", any ? h.getMean() : 0);
        n.put("p50", any ? (double) h.getValueAtPercentile(50) : 0);
        n.put("p90", any ? (double) h.getValueAtPercentile(90) : 0);
        n.put("p99", any ? (double) h.getValueAtPercentile(99) : 0);
        n.put("p99_9", any ? (double) h.getValueAtPercentile(99.9) : 0);
        n.put("p99_99", any ? (double) h.getValueAtPercentile(99.99) : 0);
        n.put("max", any ? (double) h.getMaxValue() : 0);
    }

    /** One agent's own figures, as the merged result lists them beside the total. */
    static ObjectNode agentFigures(AgentFolder a) {
        ObjectNode n = NODES.objectNode();
        n.put("index", a.index());
        n.put("dir", a.dir().toString());
        n.put("status", a.result() == null ? "missing" : a.result().path("status").asText());
        n.put("exit_code", a.exitCode());
        n.put("merged", a.usable());
        n.put("start_at_epoch_micros", a.start().requestedEpochMicros());
        n.put("started_epoch_micros", a.start().actualEpochMicros());
        n.put("start_late_micros", a.start().lateMicros());
        n.set("problems", NODES.arrayNode().addAll(a.problems().stream().map(NODES::textNode).toList()));
        if (a.result() != null) {
            n.set("config", a.result().path("config").deepCopy());
            n.set("throughput", a.result().path("throughput").deepCopy());
            n.set("requests", a.result().path("requests").deepCopy());
            n.set("errors", a.result().path("errors").deepCopy());
        }
        Histogram latency = a.totals().get("latency_micros");
        if (latency != null) {
            percentiles(n.putObject("latency_micros"), latency);
        }
        return n;
    }
}
