package netarena.experiments.cluster;

import java.time.Duration;
import java.util.List;
import netarena.experiments.workload.LoadPlans;
import netarena.load.AgentSlice;
import netarena.load.LoadBounds;
import netarena.load.LoadPlan;

/**
 * One distributed load run on Kubernetes: what {@code netarena cluster run} asks for.
 *
 * @param name            the Job's name (a DNS label), unique per run
 * @param namespace       where the Job runs
 * @param image           the agent image (docs/DISTRIBUTED.md builds it from the Dockerfile)
 * @param agents          agents (pods), one per index, at least 1
 * @param loadArgs        the whole run's {@code netarena load} options; each agent sends its slice
 * @param startAtEpochMillis the common start instant every agent waits for
 * @param deadline        the Job's activeDeadlineSeconds: past it Kubernetes stops every agent
 */
public record ClusterSpec(String name, String namespace, String image, int agents, List<String> loadArgs,
        long startAtEpochMillis, Duration deadline) {

    /** The image `docs/DISTRIBUTED.md` builds; no registry is assumed, so a real run names its own. */
    public static final String DEFAULT_IMAGE = "netarena-agent:latest";
    /** Where an agent writes its files inside its container before printing them to its log. */
    public static final String AGENT_OUT = "/tmp/netarena-agent";
    /** Label on the Job and its pods, valued with the run's name. */
    public static final String RUN_LABEL = "netarena.io/run";

    /** Agents need time to be scheduled, pull the image, start a JVM and connect before the common start. */
    public static final Duration DEFAULT_START_LEAD = Duration.ofSeconds(60);
    /** Past the run's own bound, how long the Job may live before Kubernetes stops it. */
    static final Duration DEADLINE_SLACK = Duration.ofMinutes(2);

    /**
     * The run of {@code whole} from {@code agents} pods, starting {@code startLead} from now, its Job named
     * after this instant.
     *
     * @param loadArgs {@code whole}'s {@code netarena load} options, as given
     * @throws IllegalArgumentException when {@code agents} does not divide the run into whole shares
     */
    public static ClusterSpec of(String namespace, String image, int agents, List<String> loadArgs, LoadPlan whole,
            Duration startLead) {
        for (int i = 0; i < agents; i++) {
            LoadPlans.share(whole, new AgentSlice(i, agents)); // a share that is not whole fails here, not in N pods
        }
        LoadBounds b = whole.bounds();
        Duration deadline = startLead.plus(b.warmup()).plus(b.duration()).plus(b.drain()).plus(DEADLINE_SLACK);
        long now = System.currentTimeMillis();
        return new ClusterSpec("netarena-load-" + Long.toString(now, 36), namespace, image, agents, loadArgs,
                now + startLead.toMillis(), deadline);
    }

    public ClusterSpec {
        if (name == null || !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("the job name must be a DNS label (lower case, digits, '-'), was '"
                    + name + "'");
        }
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a namespace must be given");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an agent image must be given");
        }
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1, was " + agents);
        }
        if (deadline == null || deadline.toSeconds() < 1) {
            throw new IllegalArgumentException("the deadline must be at least 1s, was " + deadline);
        }
        loadArgs = List.copyOf(loadArgs);
    }
}
