package netarena.experiments.cluster;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Validates a Job manifest against Kubernetes' own schema as fabric8's typed model carries it: the YAML is
 * read into {@link Job}, and any field the model does not know (fabric8 keeps those in each object's
 * {@code additionalProperties}, so a typo would pass silently) is refused with its path. Used on every
 * manifest before it is sent or printed.
 */
public final class ManifestCheck {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private ManifestCheck() {
    }

    /** The YAML as {@code kubectl apply -f} would read it. */
    public static String yaml(Job job) {
        return Serialization.asYaml(job);
    }

    /**
     * Reads {@code yaml} as a Job, rejecting unknown fields.
     *
     * @throws IllegalArgumentException naming every unknown field, or when it is not a batch/v1 Job
     */
    public static Job strictJob(String yaml) {
        Job job = Serialization.unmarshal(yaml, Job.class);
        if (!"batch/v1".equals(job.getApiVersion()) || !"Job".equals(job.getKind())) {
            throw new IllegalArgumentException("the manifest must be a batch/v1 Job, was " + job.getApiVersion() + " "
                    + job.getKind());
        }
        List<String> unknown = new ArrayList<>();
        walk(job, "", unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the manifest has fields Kubernetes' Job schema does not know: "
                    + String.join(", ", unknown));
        }
        return job;
    }

    private static void walk(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
            } else {
                walk(value, path + "." + field, unknown);
            }
        }
    }
}
