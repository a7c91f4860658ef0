package netarena.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import netarena.experiments.cluster.AgentJob;
import netarena.experiments.cluster.ClusterRunner;
import netarena.experiments.cluster.ClusterSpec;
import netarena.experiments.cluster.ManifestCheck;
import netarena.load.LoadPlan;
import netarena.results.merge.MergedRun;
import netarena.results.merge.MergedTable;
import netarena.results.merge.RunMerger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netarena cluster}: distributed load runs on Kubernetes (docs/DISTRIBUTED.md). */
@Command(name = "cluster", description = "Distributed load runs on Kubernetes. See docs/DISTRIBUTED.md.",
        subcommands = {ClusterCommand.Run.class})
final class ClusterCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /**
     * {@code cluster run --agents N --namespace NS -- LOAD OPTIONS}: an Indexed Job of N agents, waited for,
     * collected from the pods' logs, merged into --out, deleted.
     */
    @Command(name = "run", sortOptions = false, description = {
        "Run N load agents as a Kubernetes Indexed Job (the cluster of the current kubeconfig or of the pod this",
        "runs in), wait for them, read their files from their logs, merge them into --out (as netarena merge) and",
        "delete the Job. The options after -- are netarena load's, for the whole run. Exit codes as netarena merge."})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents (pods), one per index.")
        int agents;

        @Option(names = "--namespace", required = true, paramLabel = "NS", description = "The namespace of the Job.")
        String namespace;

        @Option(names = "--image", paramLabel = "IMG",
                description = "The agent image (see the Dockerfile). Default: " + ClusterSpec.DEFAULT_IMAGE + ".")
        String image = ClusterSpec.DEFAULT_IMAGE;

        @Option(names = "--start-lead", paramLabel = "TIME", converter = DurationConverter.class,
                description = "How far ahead the common start instant is set. Default: 60s.")
        Duration startLead = ClusterSpec.DEFAULT_START_LEAD;

        @Option(names = "--start-tolerance", paramLabel = "TIME", converter = DurationConverter.class,
                description = "How late past the common start an agent may begin. Default: 5ms.")
        Duration startTolerance = RunMerger.DEFAULT_START_TOLERANCE;

        @Option(names = "--out", paramLabel = "DIR", description = "The merged run, and the agents in DIR/agent-I.")
        Path out;

        @Option(names = "--dry-run", description = "Print the manifest as YAML and create nothing.")
        boolean dryRun;

        @Parameters(paramLabel = "LOAD_OPTIONS", arity = "1..*",
                description = "netarena load's options for the whole run, after --, e.g. -- --target svc:7000 --rate 40000")
        List<String> loadArgs;

        @Override
        public Integer call() {
            ClusterSpec cluster = spec();
            if (dryRun) {
                System.out.print(ManifestCheck.yaml(AgentJob.manifest(cluster)));
                return 0;
            }
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "--out is needed to collect the agents' files");
            }
            MergedRun run;
            try {
                run = ClusterRunner.runAndMerge(cluster, out, startTolerance, System.err::println);
            } catch (ClusterRunner.ApiFailure e) {
                System.err.println("netarena cluster run: " + e.getMessage());
                return ExitCodes.CONNECT_FAILED;
            }
            System.out.print(MergedTable.format(run));
            System.err.println("merged result in " + out.toAbsolutePath());
            return run.exitCode();
        }

        /** The run the options describe; the load options are checked here as `load` would check them. */
        ClusterSpec spec() {
            LoadCommand load = new LoadCommand();
            LoadPlan whole;
            try {
                new CommandLine(load).parseArgs(loadArgs.toArray(String[]::new));
                whole = load.plan();
                if (load.out != null || load.agent.agentMode() || load.agent.localAgents != null) {
                    throw new IllegalArgumentException("the load options describe the whole run: --out, --agents, "
                            + "--agent-count and --agent-index are cluster run's to set");
                }
                return ClusterSpec.of(namespace, image, agents, loadArgs, whole, startLead);
            } catch (CommandLine.ParameterException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "load options: " + e.getMessage());
            }
        }
    }
}
