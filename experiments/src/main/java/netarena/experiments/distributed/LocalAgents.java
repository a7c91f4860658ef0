package netarena.experiments.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netarena.experiments.launch.ServerLauncher;
import netarena.experiments.workload.LoadPlans;
import netarena.load.AgentSlice;
import netarena.load.LoadBounds;
import netarena.load.LoadPlan;
import netarena.load.ResultFiles;
import netarena.results.merge.MergedFiles;
import netarena.results.merge.MergedRun;

/**
 * {@code netarena load --agents N}: N agent processes of this same class path on this machine, each given
 * its index, the agent count and one common start instant, then the merge of their folders. Agent i writes
 * to {@code OUT/agent-i} (its output in {@code OUT/agent-i.log}); the merged run goes to {@code OUT}. Called
 * on the command's thread; blocks until every agent ended or was stopped. With {@link Spec#netns} each agent
 * runs in a network namespace of its own ({@link AgentNetwork}), deleted when the run ends.
 */
public final class LocalAgents {

    /**
     * How far ahead the common start instant is set: each agent must start its JVM and open its
     * connections before it. Generous, because a late agent invalidates the run (and a busy machine
     * takes seconds to start a JVM).
     */
    public static final Duration DEFAULT_START_LEAD = Duration.ofSeconds(10);
    /** Past the run's own bound, how long agents get before they are stopped. */
    static final Duration OVERTIME = Duration.ofSeconds(60);
    private static final int TAIL_LINES = 8;

    /**
     * A local distributed run.
     *
     * @param count          agent processes, at least 1
     * @param loadArgs       the whole run's {@code load} options, without {@code --agents}, {@code --out} and
     *                       the agent options, which each agent gets its own of
     * @param whole          the whole run's plan, for its time bound and to check every share is whole
     * @param out            the merged run's folder; the agents' are under it
     * @param startLead      how far ahead of now the common start instant is set
     * @param startTolerance how late past that instant an agent may begin before the merge calls it late
     * @param netns          each agent in its own network namespace ({@link AgentNetwork}), reaching the
     *                       target's port at its pair's server end
     * @param serverNetns    with {@code netns}: the namespace the server listens in, or null for this one's
     */
    public record Spec(int count, List<String> loadArgs, LoadPlan whole, Path out, Duration startLead,
            Duration startTolerance, boolean netns, String serverNetns) {

        public Spec {
            loadArgs = List.copyOf(loadArgs);
            if (count < 1) {
                throw new IllegalArgumentException("--agents must be at least 1, was " + count);
            }
            if (out == null) {
                throw new IllegalArgumentException("--agents needs --out: the agents and the merged run are written there");
            }
            if (serverNetns != null && !netns) {
                throw new IllegalArgumentException("--server-netns needs --netns: it names where the agents' pairs lead");
            }
            if (netns) {
                AgentNetwork.unavailable().ifPresent(why -> {
                    throw new IllegalArgumentException(why);
                });
            }
            for (int i = 0; i < count; i++) {
                LoadPlans.share(whole, new AgentSlice(i, count)); // a share that is not whole fails here, not in N JVMs
            }
        }
    }

    private LocalAgents() {
    }

    /**
     * The command that starts agent {@code index}: this JVM's java and class path ({@link ServerLauncher}),
     * {@code load} with the whole run's options and the agent's own.
     */
    static List<String> command(Spec spec, int index, long startAtEpochMillis, AgentNetwork net) {
        List<String> args = new ArrayList<>(spec.loadArgs());
        ServerLauncher launcher = ServerLauncher.ofClassPath(System.getProperty("java.class.path"));
        if (net != null) {
            launcher = launcher.inNetns(net.agentNetns(index));
            int at = args.indexOf("--target");
            args.set(at + 1, net.serverAddress(index) + ":" + spec.whole().target().port());
        }
        args.addAll(List.of("--agent-count", Integer.toString(spec.count()), "--agent-index", Integer.toString(index),
                "--start-at", Long.toString(startAtEpochMillis), "--out", MergedFiles.agentDir(spec.out(), index).toString()));
        return launcher.command("load", args);
    }

    /** Starts the agents, waits for them and merges their folders. */
    public static MergedRun run(Spec spec) {
        long startAt = System.currentTimeMillis() + spec.startLead().toMillis();
        List<Process> agents = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        AgentNetwork net = spec.netns() ? AgentNetwork.create(spec.count(), spec.serverNetns()) : null;
        try {
            Files.createDirectories(spec.out());
            for (int i = 0; i < spec.count(); i++) {
                dirs.add(MergedFiles.agentDir(spec.out(), i));
                agents.add(new ProcessBuilder(command(spec, i, startAt, net))
                        .redirectErrorStream(true).redirectOutput(log(spec.out(), i).toFile()).start());
            }
            LoadBounds b = spec.whole().bounds();
            long deadline = startAt + b.warmup().plus(b.duration()).plus(b.drain()).plus(OVERTIME).toMillis();
            for (int i = 0; i < spec.count(); i++) {
                long left = Math.max(0, deadline - System.currentTimeMillis());
                if (!agents.get(i).waitFor(left, TimeUnit.MILLISECONDS)) {
                    System.err.println("agent " + i + " still running past its bound: stopping it");
                } else if (!Files.exists(dirs.get(i).resolve(ResultFiles.RESULT_JSON))) {
                    System.err.println("agent " + i + " exited " + agents.get(i).exitValue() + " without a result; "
                            + "the end of " + log(spec.out(), i) + ":\n" + tail(log(spec.out(), i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the agents in " + spec.out() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Process p : agents) {
                p.destroy();
            }
            if (net != null) {
                awaitExit(agents);
                net.close();
            }
        }
        return MergedFiles.merge(dirs, spec.startTolerance(), spec.out());
    }

    /** Agents stopped by {@code destroy} get a moment to exit before their namespaces go. */
    private static void awaitExit(List<Process> agents) {
        for (Process p : agents) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Path log(Path out, int index) {
        return out.resolve("agent-" + index + ".log");
    }

    /** The first line (a usage error's message) and the last lines of an agent's log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            if (lines.size() <= TAIL_LINES + 1) {
                return String.join("\n", lines);
            }
            return lines.get(0) + "\n...\n" + String.join("\n", lines.subList(lines.size() - TAIL_LINES, lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
