package netarena.cli;

import java.util.Map;
import netarena.load.AgentSlice;
import netarena.load.StartGate;
import picocli.CommandLine.Option;

/**
 * The options that make {@code netarena load} one agent of a distributed run (docs/DISTRIBUTED.md): its
 * index, the agent count and the common start instant. The other load options describe the whole run;
 * the agent sends its share of it (LoadPlans.share).
 */
final class AgentOptions {

    @Option(names = "--agent-count", paramLabel = "N", description = {
        "Run as one of N agents: send this agent's slice of the run's schedule (the other options describe the",
        "whole run; N must divide --connections, --rate and --requests) and write agent.json beside the results."})
    Integer agentCount;

    @Option(names = "--agent-index", paramLabel = "I", description = {
        "This agent, 0 to N-1. Default: $" + AgentSlice.JOB_COMPLETION_INDEX + " (set in a Kubernetes Indexed Job)."})
    Integer agentIndex;

    @Option(names = "--start-at", paramLabel = "EPOCH_MS", description = {
        "Start the schedule at this wall-clock instant (milliseconds since the epoch), once connected:",
        "the common start of every agent. Default: as soon as the connections are up."})
    Long startAt;

    /** True when these options make the run an agent's. */
    boolean agentMode() {
        return agentCount != null || agentIndex != null;
    }

    /** This agent's slice; the index from the flag or else from {@code env}; WHOLE outside agent mode. */
    AgentSlice slice(Map<String, String> env) {
        if (!agentMode()) {
            return AgentSlice.WHOLE;
        }
        if (agentCount == null) {
            throw new IllegalArgumentException("--agent-index needs --agent-count: the slice depends on both");
        }
        int index;
        if (agentIndex != null) {
            index = agentIndex;
        } else {
            String fromEnv = env.get(AgentSlice.JOB_COMPLETION_INDEX);
            if (fromEnv == null) {
                throw new IllegalArgumentException("--agent-count needs --agent-index or $"
                        + AgentSlice.JOB_COMPLETION_INDEX + " (a Kubernetes Indexed Job sets it)");
            }
            try {
                index = Integer.parseInt(fromEnv.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("$" + AgentSlice.JOB_COMPLETION_INDEX + " must be a number, was '"
                        + fromEnv + "'");
            }
        }
        return new AgentSlice(index, agentCount);
    }

    StartGate gate() {
        return startAt == null ? StartGate.now() : StartGate.at(startAt);
    }
}
