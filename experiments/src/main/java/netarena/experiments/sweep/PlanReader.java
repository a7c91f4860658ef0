package netarena.experiments.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads sweep plans from YAML: the embedded {@code default} and {@code quick} plans, or a file. */
public final class PlanReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanReader() {
    }

    public static SweepPlan embedded(String name) {
        String resource = "/netarena/plans/" + name + ".yaml";
        try (InputStream in = PlanReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no embedded plan '" + name + "'");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded plan " + resource + " is broken", e);
        }
    }

    /** Reads a plan file; a broken plan is an IllegalArgumentException naming the file and the rule. */
    public static SweepPlan read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    public static SweepPlan parse(String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            rejectUnknownFields(tree);
            return YAML.treeToValue(tree, SweepPlan.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("(top level)");
            throw new IllegalArgumentException("not a valid plan at " + field + ": " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a valid plan: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid plan: " + e.getMessage());
        }
    }

    /**
     * Jackson builds a record before it reports unknown properties, so a misspelt field would surface
     * as a confusing "missing" one; check the names first.
     */
    private static void rejectUnknownFields(JsonNode tree) {
        check(tree, SweepPlan.class, "");
        tree.path("workloads").forEach(w -> check(w, SweepPlan.Workload.class, "workloads[]."));
        tree.path("openLoop").forEach(o -> {
            check(o, SweepPlan.OpenLoop.class, "openLoop[].");
            check(o.path("workload"), SweepPlan.Workload.class, "openLoop[].workload.");
        });
    }

    private static void check(JsonNode node, Class<? extends Record> type, String prefix) {
        if (!node.isObject()) {
            return;
        }
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + prefix + name + "'; known: " + new TreeSet<>(known));
            }
        });
    }

    /** The plan as a plain map, for the manifest. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(SweepPlan plan) {
        return new ObjectMapper().convertValue(plan, Map.class);
    }
}
