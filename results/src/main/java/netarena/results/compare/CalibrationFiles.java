package netarena.results.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import netarena.results.run.RunFolder;
import netarena.results.stats.DetectableChange;

/**
 * {@code calibration.md} (printed by {@code ab --calibrate}) and {@code calibration.json}: the noise
 * floor of every metric and the smallest change detectable with the repetitions used and with more.
 */
public final class CalibrationFiles {

    public static final String MARKDOWN = "calibration.md";
    public static final String JSON = "calibration.json";

    private CalibrationFiles() {
    }

    /** Writes both files into {@code dir}; returns the Markdown. */
    public static String write(Calibration c, Path dir) throws IOException {
        Files.createDirectories(dir);
        String md = markdown(c);
        RunFolder.writeAtomically(dir.resolve(MARKDOWN), md);
        RunFolder.writeAtomically(dir.resolve(JSON), json(c));
        return md;
    }

    public static String markdown(Calibration c) {
        StringBuilder md = new StringBuilder("### netarena calibration: the A/A noise floor\n\n");
        md.append(String.format(Locale.ROOT, "`%s` vs `%s`, the same build twice: %d repetitions per side, %d metrics "
                + "under %s correction, threshold \u00b1%s, alpha %s. A change is *detectable* when a comparison "
                + "with these settings flags it in %.0f%% of runs.%n%n", VerdictMarkdown.esc(c.first().id()),
                VerdictMarkdown.esc(c.second().id()), c.repetitionsPerSide(), c.metricsInFamily(),
                VerdictMarkdown.correction(c.config()), Num.percent(c.config().noiseThreshold()), c.config().alpha(),
                100 * 0.8));
        if (!c.typical().isEmpty()) {
            md.append("| metric | cells | noise (median CV) | noisiest cell |");
            Map<Integer, DetectableChange> first = c.typical().get(0).byRepetitions();
            first.keySet().forEach(r -> md.append(" detectable, ").append(r).append(" reps").append(
                    r == c.repetitionsPerSide() ? " (used)" : "").append(" |"));
            md.append("\n|---|---:|---:|---:|").append("---:|".repeat(first.size())).append("\n");
            for (Calibration.TypicalNoise t : c.typical()) {
                md.append("| ").append(t.metric().label()).append(" | ").append(t.cells()).append(" | ")
                        .append(cv(t.medianLogSd())).append(" | ").append(cv(t.maxLogSd())).append(" |");
                t.byRepetitions().values().forEach(d -> md.append(" ").append(detectable(d)).append(" |"));
                md.append("\n");
            }
            md.append("\nNoise is the coefficient of variation between repetitions of one side (pooled over both "
                    + "sides). \"never\" means the exact test cannot reach significance with that many repetitions and "
                    + "this many metrics, whatever the change. A threshold below the noise makes UNCHANGED rare; a "
                    + "threshold below the detectable change buys nothing.\n");
        }
        if (!c.cells().isEmpty()) {
            md.append("\n<details><summary>every cell</summary>\n\n| cell | metric | noise (CV) | dof | detectable with ")
                    .append(c.repetitionsPerSide()).append(" reps |\n|---|---|---:|---:|---:|\n");
            for (Calibration.CellNoise n : c.cells()) {
                md.append("| ").append(VerdictMarkdown.esc(n.cell())).append(" | ").append(n.metric().label())
                        .append(" | ").append(cv(n.noise().logSd())).append(" | ").append(n.noise().degreesOfFreedom())
                        .append(" | ").append(detectable(n.detectable())).append(" |\n");
            }
            md.append("\n</details>\n");
        }
        c.warnings().forEach(w -> md.append("\n> warning: ").append(VerdictMarkdown.esc(w)));
        if (!c.warnings().isEmpty()) {
            md.append("\n");
        }
        return md.toString();
    }

    public static String json(Calibration c) {
        ObjectNode root = VerdictJson.JSON.createObjectNode();
        root.put("format_version", 1);
        root.put("first", c.first().dir().toAbsolutePath().toString());
        root.put("second", c.second().dir().toAbsolutePath().toString());
        root.put("repetitions_per_side", c.repetitionsPerSide());
        root.put("metrics_in_family", c.metricsInFamily());
        root.put("threshold", c.config().noiseThreshold());
        root.put("alpha", c.config().alpha());
        root.put("correction", c.config().correction().name().toLowerCase(Locale.ROOT));
        root.put("power", 0.8);
        ArrayNode typical = root.putArray("metrics");
        for (Calibration.TypicalNoise t : c.typical()) {
            ObjectNode o = typical.addObject();
            o.put("metric", t.metric().name());
            o.put("unit", t.metric().unit());
            o.put("cells", t.cells());
            o.put("median_log_sd", t.medianLogSd());
            o.put("max_log_sd", t.maxLogSd());
            ObjectNode by = o.putObject("detectable_change_by_repetitions");
            t.byRepetitions().forEach((r, d) -> number(by, Integer.toString(r), d.relativeChange()));
        }
        ArrayNode cells = root.putArray("cells");
        for (Calibration.CellNoise n : c.cells()) {
            ObjectNode o = cells.addObject();
            o.put("cell", n.cell());
            o.put("metric", n.metric().name());
            o.put("unit", n.metric().unit());
            o.put("log_sd", n.noise().logSd());
            o.put("coefficient_of_variation", n.noise().coefficientOfVariation());
            o.put("degrees_of_freedom", n.noise().degreesOfFreedom());
            number(o, "detectable_change", n.detectable().relativeChange());
            o.put("note", n.detectable().note());
        }
        ArrayNode warnings = root.putArray("warnings");
        c.warnings().forEach(warnings::add);
        try {
            return VerdictJson.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static String cv(double logSd) {
        return Num.percent(Math.sqrt(Math.expm1(logSd * logSd)));
    }

    private static String detectable(DetectableChange d) {
        return d.detectable() ? Num.percent(d.relativeChange()) : "never";
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
