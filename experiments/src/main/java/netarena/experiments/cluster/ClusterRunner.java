package netarena.experiments.cluster;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import netarena.results.merge.MergedFiles;
import netarena.results.merge.MergedRun;

/**
 * Runs a {@link ClusterSpec} on Kubernetes through the fabric8 client: creates the Indexed Job, follows
 * its status until every index succeeded or failed (or the deadline passed), reads each agent's files
 * from its pod's log ({@link AgentLogBundle}) into {@code OUT/agent-I}, and deletes the Job and its pods,
 * whatever happened. The merge is the caller's. Runs on the caller's thread; progress lines go to the
 * given consumer.
 */
public final class ClusterRunner {

    /** Kubernetes sets this annotation on every pod of an Indexed Job to its index. */
    static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** How often the Job's status is read. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final Duration poll;
    private final Consumer<String> progress;

    public ClusterRunner(KubernetesClient client, Duration poll, Consumer<String> progress) {
        this.client = Objects.requireNonNull(client);
        this.poll = poll;
        this.progress = progress;
    }

    /**
     * Runs {@code spec} on the cluster of the current kubeconfig (or of the pod this runs in) and merges the
     * agents' files into {@code out}, as {@code netarena merge} does.
     */
    public static MergedRun runAndMerge(ClusterSpec spec, Path out, Duration startTolerance, Consumer<String> progress) {
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            try {
                return runAndMerge(client, spec, out, startTolerance, progress, DEFAULT_POLL);
            } catch (KubernetesClientException e) {
                throw new ApiFailure("the Kubernetes API at " + client.getMasterUrl() + " refused or did not answer: "
                        + rootMessage(e), e);
            }
        }
    }

    /** The Kubernetes API could not be reached or refused a call: one line for a person, the cause kept. */
    public static final class ApiFailure extends RuntimeException {
        ApiFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The innermost cause's words: fabric8's own message is "An error has occurred." */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String words = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e instanceof KubernetesClientException k && k.getCode() > 0 ? "HTTP " + k.getCode() + ": " + words
                : words;
    }

    /** As above, on {@code client}, reading the Job's status every {@code poll}. */
    static MergedRun runAndMerge(KubernetesClient client, ClusterSpec spec, Path out, Duration startTolerance,
            Consumer<String> progress, Duration poll) {
        return MergedFiles.merge(new ClusterRunner(client, poll, progress).run(spec, out), startTolerance, out);
    }

    /**
     * Creates, waits, collects, deletes.
     *
     * @return the agents' folders, one per index (a folder stays empty when its agent left no files)
     */
    public List<Path> run(ClusterSpec spec, Path out) {
        Job job = ManifestCheck.strictJob(ManifestCheck.yaml(AgentJob.manifest(spec)));
        client.batch().v1().jobs().inNamespace(spec.namespace()).resource(job).create();
        progress.accept("created job " + spec.namespace() + "/" + spec.name() + ": " + spec.agents() + " agents");
        try {
            awaitFinished(spec);
            return collect(spec, out);
        } finally {
            delete(spec);
        }
    }

    /** Polls the Job until succeeded + failed covers every index, a terminal condition, or the deadline. */
    JobStatus awaitFinished(ClusterSpec spec) {
        long deadline = System.currentTimeMillis() + spec.deadline().toMillis() + poll.toMillis() * 2;
        String last = "";
        while (true) {
            Job job = client.batch().v1().jobs().inNamespace(spec.namespace()).withName(spec.name()).get();
            if (job == null) {
                throw new IllegalStateException("job " + spec.namespace() + "/" + spec.name() + " disappeared while running");
            }
            JobStatus s = job.getStatus() == null ? new JobStatus() : job.getStatus();
            int active = orZero(s.getActive());
            int succeeded = orZero(s.getSucceeded());
            int failed = orZero(s.getFailed());
            String line = String.format(Locale.ROOT, "agents: %d active, %d succeeded, %d failed of %d", active,
                    succeeded, failed, spec.agents());
            if (!line.equals(last)) {
                progress.accept(line);
                last = line;
            }
            boolean terminal = s.getConditions() != null && s.getConditions().stream().anyMatch(c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
            if (terminal || succeeded + failed >= spec.agents()) {
                return s;
            }
            if (System.currentTimeMillis() > deadline) {
                progress.accept("the job passed its deadline: collecting what the agents left");
                return s;
            }
            LockSupport.parkNanos(poll.toNanos());
        }
    }

    private List<Path> collect(ClusterSpec spec, Path out) {
        List<Pod> pods = client.pods().inNamespace(spec.namespace()).withLabel(ClusterSpec.RUN_LABEL, spec.name())
                .list().getItems();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < spec.agents(); i++) {
            dirs.add(MergedFiles.agentDir(out, i));
        }
        for (Pod pod : pods) {
            String index = pod.getMetadata().getAnnotations() == null ? null
                    : pod.getMetadata().getAnnotations().get(INDEX_ANNOTATION);
            if (index == null) {
                continue;
            }
            String name = pod.getMetadata().getName();
            try {
                String log = client.pods().inNamespace(spec.namespace()).withName(name).getLog();
                int files = AgentLogBundle.extract(log == null ? "" : log, MergedFiles.agentDir(out, Integer.parseInt(index)));
                progress.accept("agent " + index + " (pod " + name + "): " + (files > 0 ? files + " files"
                        : "no files in its log: it failed before the end"));
            } catch (KubernetesClientException | NumberFormatException e) {
                progress.accept("agent " + index + " (pod " + name + "): log unreadable: " + e.getMessage());
            }
        }
        return dirs;
    }

    private void delete(ClusterSpec spec) {
        try {
            client.batch().v1().jobs().inNamespace(spec.namespace()).withName(spec.name())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            progress.accept("deleted job " + spec.namespace() + "/" + spec.name() + " and its pods");
        } catch (KubernetesClientException e) {
            progress.accept("could not delete job " + spec.namespace() + "/" + spec.name() + " (" + e.getMessage()
                    + "): it deletes itself " + AgentJob.TTL_AFTER_FINISHED_SECONDS + " s after it finished");
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
