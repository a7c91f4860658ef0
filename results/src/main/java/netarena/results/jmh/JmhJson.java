package netarena.results.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON that JMH writes with {@code -rf json} (the format of JMH 1.37, which older versions
 * share but for the header fields). JMH writes NaN and infinities as the strings {@code "NaN"},
 * {@code "+INF"} and {@code "-INF"}; they are read back as doubles.
 */
public final class JmhJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {
    }

    /** Every benchmark of the file; fails with the benchmark and the field in the message. */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (expected an array of benchmarks)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode b : root) {
            String name = b.path("benchmark").asText("");
            if (name.isEmpty()) {
                throw new IOException(file + ": a benchmark entry has no \"benchmark\" name");
            }
            JsonNode primary = b.get("primaryMetric");
            if (primary == null || !primary.isObject()) {
                throw new IOException(file + ": " + name + " has no primaryMetric");
            }
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            Map<String, JmhMetric> secondary = new LinkedHashMap<>();
            b.path("secondaryMetrics").properties().forEach(e -> secondary.put(e.getKey(), metric(e.getValue())));
            results.add(new JmhResult(name, b.path("mode").asText(""), b.path("threads").asInt(1),
                    b.path("forks").asInt(0), Collections.unmodifiableMap(params),
                    metric(primary), Collections.unmodifiableMap(secondary), b.path("jmhVersion").asText(""),
                    b.path("jdkVersion").asText("")));
        }
        return results;
    }

    private static JmhMetric metric(JsonNode m) {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        m.path("scorePercentiles").properties()
                .forEach(e -> percentiles.put(Double.parseDouble(e.getKey()), number(e.getValue())));
        List<List<Double>> raw = new ArrayList<>();
        for (JsonNode fork : m.path("rawData")) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(it -> iterations.add(number(it)));
            raw.add(iterations);
        }
        List<List<List<JmhMetric.Bin>>> histogram = new ArrayList<>();
        for (JsonNode fork : m.path("rawDataHistogram")) {
            List<List<JmhMetric.Bin>> iterations = new ArrayList<>();
            for (JsonNode it : fork) {
                List<JmhMetric.Bin> bins = new ArrayList<>();
                for (Iterator<JsonNode> pairs = it.elements(); pairs.hasNext(); ) {
                    JsonNode pair = pairs.next();
                    bins.add(new JmhMetric.Bin(number(pair.path(0)), pair.path(1).asLong()));
                }
                iterations.add(bins);
            }
            histogram.add(iterations);
        }
        return new JmhMetric(number(m.path("score")), number(m.path("scoreError")), m.path("scoreUnit").asText(""),
                percentiles, raw, histogram);
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return switch (n.asText("NaN")) {
            case "+INF", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "NaN", "" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(n.asText());
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }
}
