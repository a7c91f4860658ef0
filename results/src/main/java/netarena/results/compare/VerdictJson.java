package netarena.results.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Direction;
import netarena.results.stats.MetricComparison;

/**
 * The machine-readable files of a comparison: {@code verdict.json} (everything), the two
 * github-action-benchmark files (one per direction, as that action takes one tool per file) and
 * Bencher's metric format. Unknown numbers are written as null, never as NaN.
 */
public final class VerdictJson {

    /** Bumped when a field of verdict.json changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerdictJson() {
    }

    /** verdict.json: the outcome, the settings, every metric compared and every cell listed instead. */
    public static String verdict(RunComparison c) {
        ComparisonConfig cfg = c.report().config();
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("outcome", c.outcome().name());
        root.put("exit_code", c.exitCode());
        root.put("headline", c.headline());
        root.set("baseline", run(c.baseline()));
        root.set("current", run(c.current()));
        config(root.putObject("config"), cfg);
        ObjectNode reps = root.putObject("repetitions");
        reps.put("fewest_per_side", c.fewestValues());
        reps.put("needed_per_side_for_significance", c.neededPerSide());
        reps.put("recommended_per_side", RunComparator.RECOMMENDED_REPETITIONS);
        ArrayNode thresholds = root.putArray("thresholds");
        c.thresholds().forEach(thresholds::add);
        ArrayNode warnings = root.putArray("warnings");
        c.warnings().forEach(warnings::add);
        ObjectNode counts = root.putObject("counts");
        c.counts().forEach((v, n) -> counts.put(v.name().toLowerCase(Locale.ROOT), n));
        ArrayNode metrics = root.putArray("metrics");
        for (MetricComparison m : c.byEffect()) {
            metric(metrics.addObject(), c, m);
        }
        ArrayNode excluded = root.putArray("not_compared");
        c.excluded().forEach(e -> exclusion(excluded.addObject(), e));
        ArrayNode dropped = root.putArray("dropped_repetitions");
        c.dropped().forEach(d -> dropped(dropped.addObject(), d));
        ArrayNode onlyBaseline = root.putArray("only_in_baseline");
        c.onlyInBaseline().forEach(onlyBaseline::add);
        ArrayNode onlyCurrent = root.putArray("only_in_current");
        c.onlyInCurrent().forEach(onlyCurrent::add);
        return write(root);
    }

    private static void config(ObjectNode config, ComparisonConfig cfg) {
        config.put("threshold", cfg.noiseThreshold());
        config.put("alpha", cfg.alpha());
        config.put("confidence", cfg.confidence());
        config.put("estimator", cfg.estimator().name().toLowerCase(Locale.ROOT));
        config.put("correction", cfg.correction().name().toLowerCase(Locale.ROOT));
        config.put("resamples", cfg.resamples());
        config.put("seed", cfg.seed());
        config.put("min_values_per_side", cfg.minValuesPerSide());
    }

    /** One compared metric: its verdict, centres, interval, p-values and both sides' values. */
    private static void metric(ObjectNode o, RunComparison c, MetricComparison m) {
        Metric metric = c.metric(m);
        o.put("cell", m.cell());
        o.put("metric", metric.name());
        o.put("unit", metric.unit());
        o.put("direction", m.direction() == Direction.HIGHER_IS_BETTER ? "higher_is_better" : "lower_is_better");
        o.put("verdict", m.verdict().name());
        number(o, "baseline", m.baselineCentre());
        number(o, "current", m.currentCentre());
        number(o, "ratio", m.ratio());
        number(o, "ci_low", m.ciLow());
        number(o, "ci_high", m.ciHigh());
        number(o, "p_value", m.pValue());
        number(o, "adjusted_p", m.adjustedP());
        o.put("baseline_count", m.baselineCount());
        o.put("current_count", m.currentCount());
        o.put("reason", m.reason());
        o.put("paired", m.paired());
        number(o, "detectable_change", m.detectableChange());
        ArrayNode b = o.putArray("baseline_values");
        Arrays.stream(c.samples().get(m.key()).baseline()).forEach(b::add);
        ArrayNode cur = o.putArray("current_values");
        Arrays.stream(c.currentValues(m)).forEach(cur::add);
    }

    /** One cell not compared, and why. */
    private static void dropped(ObjectNode o, Dropped d) {
        o.put("cell", d.id());
        o.put("side", d.side());
        o.put("kept", d.kept());
        o.put("reason", d.reason());
    }

    private static void exclusion(ObjectNode o, Exclusion e) {
        o.put("cell", e.id());
        o.put("baseline_status", e.baselineStatus().name());
        o.put("baseline_reason", e.baselineReason());
        o.put("current_status", e.currentStatus().name());
        o.put("current_reason", e.currentReason());
        o.put("counts_as_regression", e.brokenByCurrent());
    }

    /**
     * github-action-benchmark's {@code customBiggerIsBetter} (when {@code biggerIsBetter}) or
     * {@code customSmallerIsBetter} input: an array of {name, unit, value, range, extra}, value the
     * current run's centre, range half the current values' min-max spread, extra the comparison.
     */
    public static String githubActionBenchmark(RunComparison c, boolean biggerIsBetter) {
        Direction wanted = biggerIsBetter ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
        ArrayNode root = JSON.createArrayNode();
        for (MetricComparison m : c.report().metrics()) {
            if (m.direction() != wanted || !Double.isFinite(m.currentCentre())) {
                continue;
            }
            Metric metric = c.metric(m);
            double[] cur = c.currentValues(m);
            ObjectNode o = root.addObject();
            o.put("name", m.cell() + " / " + metric.name());
            o.put("unit", metric.unit());
            o.put("value", m.currentCentre());
            o.put("range", "\u00b1 " + Num.value(halfSpread(cur)));
            o.put("extra", String.format(Locale.ROOT, "%s: baseline %s, current %s, change %s (95%% CI %s), adjusted p %s, "
                    + "%d vs %d values; %s", m.verdict(), Num.value(m.baselineCentre()), Num.value(m.currentCentre()),
                    Num.change(m.ratio()), Num.interval(m.ciLow(), m.ciHigh()), Num.p(m.adjustedP()),
                    m.baselineCount(), m.currentCount(), m.reason()));
        }
        return write(root);
    }

    /**
     * Bencher Metric Format: {benchmark: {measure: {value, lower_value, upper_value}}}, the benchmark the
     * cell, the measure the metric's slug (e.g. {@code p99-us}), value the current centre and the bounds
     * the current values' min and max.
     */
    public static String bencher(RunComparison c) {
        ObjectNode root = JSON.createObjectNode();
        for (MetricComparison m : c.report().metrics()) {
            if (!Double.isFinite(m.currentCentre())) {
                continue;
            }
            double[] cur = c.currentValues(m);
            ObjectNode benchmark = root.has(m.cell()) ? (ObjectNode) root.get(m.cell()) : root.putObject(m.cell());
            ObjectNode measure = benchmark.putObject(slug(c.metric(m).label()));
            measure.put("value", m.currentCentre());
            measure.put("lower_value", Arrays.stream(cur).min().orElse(m.currentCentre()));
            measure.put("upper_value", Arrays.stream(cur).max().orElse(m.currentCentre()));
        }
        return write(root);
    }

    /** Lower-case letters, digits and single dashes, e.g. {@code p99.9 (us)} as {@code p99-9-us}. */
    static String slug(String label) {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static double halfSpread(double[] values) {
        double min = Arrays.stream(values).min().orElse(Double.NaN);
        double max = Arrays.stream(values).max().orElse(Double.NaN);
        return (max - min) / 2;
    }

    private static ObjectNode run(ComparableRun r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("path", r.dir().toAbsolutePath().toString());
        o.put("kind", r.kind());
        return o;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
