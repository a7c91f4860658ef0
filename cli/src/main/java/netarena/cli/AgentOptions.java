package netarena.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netarena.experiments.distributed.LocalAgents;
import netarena.experiments.workload.LoadPlans;
import netarena.load.AgentSlice;
import netarena.load.LoadPlan;
import netarena.load.StartGate;
import netarena.results.merge.RunMerger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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

    @Option(names = "--print-files", description = {
        "As an agent: print result.json, latency.hlog and agent.json to stdout at the end, base64 between",
        "markers, for a collector that reads only logs (netarena cluster run)."})
    boolean printFiles;

    @Option(names = "--agents", paramLabel = "N", description = {
        "Start N local agent processes of this jar, each sending its slice of the run from one common start",
        "instant, then merge their results into --out (agents in OUT/agent-I). See docs/DISTRIBUTED.md."})
    Integer localAgents;

    @Option(names = "--start-lead", paramLabel = "TIME", converter = DurationConverter.class, description = {
        "With --agents: how far ahead the common start instant is set. Default: 10s."})
    Duration startLead = LocalAgents.DEFAULT_START_LEAD;

    @Option(names = "--netns", description = {
        "With --agents: run each agent in a network namespace of its own (ip netns; root only), with its own",
        "address, joined to the server's namespace by a veth pair; the agents reach --target's port at their",
        "pair's server end, so the server must listen on all addresses (serve --bind 0.0.0.0)."})
    boolean netns;

    @Option(names = "--server-netns", paramLabel = "NS", description = {
        "With --netns: the namespace the server runs in. Default: this process's."})
    String serverNetns;

    /** The options that only the launching process reads: its agents get their own in their place. */
    static final Set<String> LAUNCHER_ONLY = Set.of("--agents", "--start-lead", "--out", "--agent-count",
            "--agent-index", "--start-at", "--netns", "--server-netns");

    /**
     * The local agents {@code --agents} asks for: each runs {@code load} with {@code loadArgs}, the whole
     * run's options (see {@link #forwardedArgs}), and its own slice.
     */
    LocalAgents.Spec localAgents(List<String> loadArgs, LoadPlan whole, Path out) {
        if (agentMode()) {
            throw new IllegalArgumentException("--agents starts its own agents: it takes no --agent-count or --agent-index");
        }
        return new LocalAgents.Spec(localAgents, loadArgs, whole, out, startLead, RunMerger.DEFAULT_START_TOLERANCE,
                netns, serverNetns);
    }

    /** The options given to this command, as given, less those only the launching process reads. */
    static List<String> forwardedArgs(CommandSpec spec) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (LAUNCHER_ONLY.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String v : o.originalStringValues()) {
                    args.add(o.longestName());
                    args.add(v);
                }
            }
        }
        return args;
    }

    /**
     * The part of {@code whole} this process sends: all of it, or as an agent its slice ({@link LoadPlans#share}).
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    LoadPlan share(LoadPlan whole, Path out) {
        if (agentMode() && out == null) {
            throw new IllegalArgumentException("an agent needs --out: the merge reads its files from there");
        }
        return LoadPlans.share(whole, slice(System.getenv()));
    }

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
