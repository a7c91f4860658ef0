package netarena.results.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netarena.results.run.RunFolder;

/**
 * The noise between runs of one build: the spread of each metric's centre (median over a run's OK
 * repetitions) from one stored run to the next, the noise a CI baseline from another day carries and
 * a within-run {@code ab --calibrate} does not see. Kept as a file ({@link #FILE}) so a later
 * {@code compare} can use it without the runs.
 *
 * <p>Per (subject, metric) present in at least two runs: the sample standard deviation of ln(centre)
 * across runs; per metric, the median of that over subjects. A threshold taken from it is
 * {@link #THRESHOLD_PER_SD} of those standard deviations, as a relative change: a change smaller than
 * twice the day-to-day spread of a centre is not one a comparison across days can tell from noise.
 *
 * @param runs     the run folders' ids it was measured from
 * @param logSd    per metric label, the median over subjects of the between-run log standard deviation
 * @param subjects per metric label, how many subjects it rests on
 */
public record RunNoise(List<String> runs, Map<String, Double> logSd, Map<String, Integer> subjects) {

    /** The file a between-run noise estimate is kept in. */
    public static final String FILE = "noise.json";
    /** A threshold from this noise is this many between-run standard deviations. */
    public static final double THRESHOLD_PER_SD = 2.0;

    public RunNoise {
        runs = List.copyOf(runs);
        logSd = Collections.unmodifiableMap(new LinkedHashMap<>(logSd));
        subjects = Collections.unmodifiableMap(new LinkedHashMap<>(subjects));
    }

    /** From two or more stored runs of the same build, read with {@link RunReader}. */
    public static RunNoise fromRuns(List<ComparableRun> stored) {
        if (stored.size() < 2) {
            throw new IllegalArgumentException("the noise between runs needs at least 2 stored runs, got " + stored.size());
        }
        Map<String, Map<String, List<Double>>> centres = new LinkedHashMap<>();
        for (ComparableRun run : stored) {
            for (Subject s : run.subjects()) {
                if (!s.comparable(2)) {
                    continue;
                }
                s.values().forEach((metric, values) -> {
                    double centre = median(values);
                    if (values.length > 0 && centre > 0) {
                        centres.computeIfAbsent(metric.label(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(s.id(), k -> new ArrayList<>()).add(centre);
                    }
                });
            }
        }
        Map<String, Double> logSd = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        centres.forEach((metric, bySubject) -> {
            double[] sds = bySubject.values().stream().filter(c -> c.size() >= 2).mapToDouble(RunNoise::logSdOf)
                    .toArray();
            if (sds.length > 0) {
                logSd.put(metric, median(sds));
                count.put(metric, sds.length);
            }
        });
        if (logSd.isEmpty()) {
            throw new IllegalArgumentException("no subject has a metric in two of the stored runs "
                    + stored.stream().map(ComparableRun::id).toList());
        }
        return new RunNoise(stored.stream().map(ComparableRun::id).toList(), logSd, count);
    }

    /** The threshold this noise supports for {@code metricLabel} (relative), or NaN when it has none. */
    public double threshold(String metricLabel) {
        Double sd = logSd.get(metricLabel);
        return sd == null ? Double.NaN : Math.expm1(THRESHOLD_PER_SD * sd);
    }

    public static RunNoise read(Path file) throws IOException {
        JsonNode root = VerdictJson.JSON.readTree(file.toFile());
        if (root.path("format_version").asInt() != 1 || !root.path("metrics").isArray()) {
            throw new IllegalArgumentException(file + " is not a netarena " + FILE + " (format_version 1 with metrics[])");
        }
        List<String> runs = new ArrayList<>();
        root.path("runs").forEach(r -> runs.add(r.asText()));
        Map<String, Double> logSd = new LinkedHashMap<>();
        Map<String, Integer> subjects = new LinkedHashMap<>();
        for (JsonNode m : root.path("metrics")) {
            logSd.put(m.path("metric").asText(), m.path("between_run_log_sd").asDouble());
            subjects.put(m.path("metric").asText(), m.path("subjects").asInt());
        }
        return new RunNoise(runs, logSd, subjects);
    }

    public void write(Path dir) throws IOException {
        ObjectNode root = VerdictJson.JSON.createObjectNode();
        root.put("format_version", 1);
        root.put("threshold_per_sd", THRESHOLD_PER_SD);
        ArrayNode r = root.putArray("runs");
        runs.forEach(r::add);
        ArrayNode metrics = root.putArray("metrics");
        logSd.forEach((metric, sd) -> {
            ObjectNode o = metrics.addObject();
            o.put("metric", metric);
            o.put("between_run_log_sd", sd);
            o.put("subjects", subjects.get(metric));
            o.put("threshold", threshold(metric));
        });
        Files.createDirectories(dir);
        try {
            RunFolder.writeAtomically(dir.resolve(FILE), VerdictJson.JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** One sentence per metric: where its threshold comes from. */
    public String describe(String metricLabel) {
        return String.format(Locale.ROOT, "%s: \u00b1%s from the spread between %d stored runs of the baseline build "
                + "(%d subjects, between-run CV %s)", metricLabel, Num.percent(threshold(metricLabel)), runs.size(),
                subjects.get(metricLabel), Num.percent(Math.sqrt(Math.expm1(logSd.get(metricLabel) * logSd.get(metricLabel)))));
    }

    private static double logSdOf(List<Double> centres) {
        double mean = centres.stream().mapToDouble(Math::log).average().orElseThrow();
        double squares = centres.stream().mapToDouble(c -> (Math.log(c) - mean) * (Math.log(c) - mean)).sum();
        return Math.sqrt(squares / (centres.size() - 1));
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
