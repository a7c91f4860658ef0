package netarena.experiments.cluster;

import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes manifest of a cluster run: one Indexed Job (completionMode Indexed, completions =
 * parallelism = agents), whose pod i runs {@code netarena load} with the whole run's options,
 * {@code --agent-count N --start-at T --out /tmp/netarena-agent --print-files}; Kubernetes sets
 * {@code JOB_COMPLETION_INDEX} = i in the pod, which the agent reads as its index.
 *
 * <p>No retries ({@code backoffLimit 0}): an agent run again would send its slice late, so a failure is
 * reported instead. Pods prefer different nodes (client capacity is the point). The Job deletes itself an
 * hour after it finished should the client die before cleaning up.
 */
public final class AgentJob {

    static final String CONTAINER = "agent";
    static final int TTL_AFTER_FINISHED_SECONDS = 3_600;
    static final int SPREAD_WEIGHT = 100;

    private AgentJob() {
    }

    /** The container's arguments: load, the run's options, and what makes it an agent of this run. */
    static List<String> args(ClusterSpec spec) {
        List<String> args = new ArrayList<>();
        args.add("load");
        args.addAll(spec.loadArgs());
        args.addAll(List.of("--agent-count", Integer.toString(spec.agents()), "--start-at",
                Long.toString(spec.startAtEpochMillis()), "--out", ClusterSpec.AGENT_OUT, "--print-files"));
        return args;
    }

    public static Job manifest(ClusterSpec spec) {
        Map<String, String> labels = Map.of(ClusterSpec.RUN_LABEL, spec.name(), "app.kubernetes.io/name", "netarena-agent");
        return new JobBuilder()
                .withNewMetadata().withName(spec.name()).withNamespace(spec.namespace()).withLabels(labels).endMetadata()
                .withNewSpec()
                    .withCompletionMode("Indexed")
                    .withCompletions(spec.agents())
                    .withParallelism(spec.agents())
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(spec.deadline().toSeconds())
                    .withTtlSecondsAfterFinished(TTL_AFTER_FINISHED_SECONDS)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withNewAffinity().withNewPodAntiAffinity()
                                .withPreferredDuringSchedulingIgnoredDuringExecution(new WeightedPodAffinityTermBuilder()
                                        .withWeight(SPREAD_WEIGHT)
                                        .withPodAffinityTerm(new PodAffinityTermBuilder()
                                                .withTopologyKey("kubernetes.io/hostname")
                                                .withNewLabelSelector().addToMatchLabels(ClusterSpec.RUN_LABEL, spec.name())
                                                .endLabelSelector().build())
                                        .build())
                            .endPodAntiAffinity().endAffinity()
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(spec.image())
                                .withArgs(args(spec))
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }
}
