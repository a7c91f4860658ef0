package netarena.results.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import netarena.load.LoadResult;
import netarena.load.ResultFiles;
import netarena.results.run.RunFolder;

/**
 * A load run's thresholds checked together ({@code netarena load --slo ...}): the pass/fail table, the exit code
 * and the {@code slo} section of result.json. Immutable; used on the command's thread.
 *
 * @param checks one per threshold, in the order given
 */
public record LoadGate(List<LoadSlo.Check> checks) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LoadGate {
        checks = List.copyOf(checks);
    }

    /** Every threshold of {@code slos} checked on {@code r}. */
    public static LoadGate check(List<LoadSlo> slos, LoadResult r) {
        return new LoadGate(slos.stream().map(s -> s.check(r)).toList());
    }

    public boolean passed() {
        return checks.stream().allMatch(LoadSlo.Check::passed);
    }

    /**
     * The command's exit code: the generator's when it is not ok (a connect failure, an INVALID run or errors say
     * more than a threshold), else {@link LoadResult#EXIT_ERRORS} when a threshold failed.
     */
    public int exitCode(LoadResult r) {
        int code = r.exitCode();
        boolean measured = code == LoadResult.EXIT_OK || code == LoadResult.EXIT_PARTIAL;
        return measured && !passed() ? LoadResult.EXIT_ERRORS : code;
    }

    /** The pass/fail table, one line per threshold, as the result table's rows are written. */
    public String table() {
        int width = checks.stream().mapToInt(c -> c.slo().text().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (LoadSlo.Check c : checks) {
            out.append(String.format(Locale.ROOT, "%-13s%-" + width + "s  %-4s  actual %s%n",
                    out.isEmpty() ? "slo" : "", c.slo().text(), c.passed() ? "pass" : "FAIL", c.actualText()));
        }
        return out.toString();
    }

    /**
     * Adds the {@code slo} section to {@code dir}'s result.json and sets its {@code exit_code} to the command's
     * (docs/LOAD.md). Limits and actual figures are in each metric's unit, named beside them.
     */
    public void writeInto(Path dir, LoadResult r) throws IOException {
        Path file = dir.resolve(ResultFiles.RESULT_JSON);
        ObjectNode root = annotate((ObjectNode) JSON.readTree(file.toFile()), r);
        RunFolder.writeAtomically(file, JSON.writeValueAsString(root) + "\n");
    }

    /** The result as result.json holds it, this gate's exit code and slo section included: {@code load --json}. */
    public String json(LoadResult r) throws IOException {
        return JSON.writeValueAsString(annotate(ResultFiles.toJson(r), r)) + "\n";
    }

    private ObjectNode annotate(ObjectNode root, LoadResult r) {
        root.put("exit_code", exitCode(r));
        ObjectNode slo = root.putObject("slo");
        slo.put("passed", passed());
        ArrayNode list = slo.putArray("checks");
        for (LoadSlo.Check c : checks) {
            ObjectNode n = list.addObject();
            n.put("threshold", c.slo().text());
            n.put("metric", c.slo().metric());
            n.put("unit", unit(c.slo().metric()));
            n.put("limit", c.slo().limit());
            if (Double.isNaN(c.actual())) {
                n.putNull("actual");
            } else {
                n.put("actual", c.actual());
            }
            n.put("passed", c.passed());
        }
        return root;
    }

    private static String unit(String metric) {
        return switch (metric) {
            case "errors" -> "count";
            case "error_rate" -> "ratio";
            case "rate" -> "per_second";
            default -> "micros";
        };
    }
}
