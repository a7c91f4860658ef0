package netarena.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netarena.experiments.capacity.CapacityRunner;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.cell.Pinning;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityJson;
import netarena.results.capacity.CapacityText;
import netarena.experiments.capacity.SearchConfig;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloText;
import netarena.results.report.CapacitySection;
import netarena.results.report.ReportWriter;
import netarena.results.run.Manifest;
import netarena.results.run.RunFolder;
import netarena.server.ServerModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netarena capacity}: how much one server configuration can take. With {@code --slo} alone, the
 * highest open-loop rate meeting it; with {@code --connections}, closed-loop scaling fitted to the
 * Universal Scalability Law; with {@code --pool-for-rate} and {@code --slo}, a worker pool sized by
 * Erlang C and measured. Writes {@code <runs>/<time>-capacity/} with capacity.json and report.html.
 */
@Command(name = "capacity", sortOptions = false, exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2,
        description = {
            "How much one server configuration can take, each server in its own JVM (pinned, verified), this process "
                    + "the load generator. Ask one or more of:",
            "  --slo \"p99<=5ms\"                 the highest open-loop rate meeting the SLO (staircase, bisection, "
                    + "then repeats at both ends)",
            "  --connections 1,2,4,8,16,32      closed-loop throughput fitted to the Universal Scalability Law, "
                    + "Little's law checked",
            "  --pool-for-rate R --slo ...      a worker pool sized by Erlang C for R requests/s, then measured",
            "Writes capacity.json and report.html into results/runs/<time>-capacity/. See docs/CAPACITY.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:answered (an answer may be that nothing met the SLO)", "2:invalid input, or a server failed"})
final class CapacityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "The I/O model (see `netarena models`).")
    String model;

    @Option(names = "--io-threads", defaultValue = "0", description = "The server's --io-threads. Default: ${DEFAULT-VALUE}.")
    int ioThreads;

    @Option(names = "--workers", defaultValue = "0",
            description = "The server's --workers (--pool-for-rate chooses its own). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--op", defaultValue = "echo", description = "echo, cpu, delay or block. Default: ${DEFAULT-VALUE}.")
    String op;

    @Option(names = "--size", defaultValue = "64", description = "Request payload bytes. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--arg", defaultValue = "0",
            description = "The op's argument: CPU rounds, or microseconds for delay and block. Default: ${DEFAULT-VALUE}.")
    long arg;

    @Option(names = "--protocol", defaultValue = "frame", description = "frame or http. Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = "--slo", paramLabel = "TEXT", description = "Latency SLO, e.g. \"p99<=5ms\", \"p99.9<=800us\".")
    String sloText;

    @Option(names = "--max-errors", defaultValue = "0.1%", converter = ComparisonOptions.FractionConverter.class,
            description = "Failed (or unanswered) requests allowed by the SLO, e.g. 0.1%%. Default: ${DEFAULT-VALUE}.")
    double maxErrors;

    @Option(names = "--start-rate", defaultValue = "1000", description = "First rate probed, requests/s. Default: ${DEFAULT-VALUE}.")
    double startRate;

    @Option(names = "--max-rate", defaultValue = "200000", description = "Never probe above this. Default: ${DEFAULT-VALUE}.")
    double maxRate;

    @Option(names = "--resolution", defaultValue = "5%", converter = ComparisonOptions.FractionConverter.class,
            description = "Bisection stops when the passing and failing rates are this close. Default: ${DEFAULT-VALUE}.")
    double resolution;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Extra probes at the final passing rate and the first failing one. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--rechecks", defaultValue = "1",
            description = "During the search, probes again a step that misses the SLO before it counts as failed "
                    + "(one noisy step must not end the climb). Default: ${DEFAULT-VALUE}.")
    int rechecks;

    @Option(names = "--connections", split = ",", paramLabel = "N,N,...",
            description = "Closed-loop connection counts for the USL fit, e.g. 1,2,4,8,16,32 (3 or more).")
    List<Integer> connections;

    @Option(names = "--pool-for-rate", paramLabel = "R", description = "Size a worker pool for R requests/s and --slo.")
    Double poolForRate;

    @Option(names = "--service-rate", paramLabel = "R",
            description = "Low rate at which the service time is measured. Default: R/10, between 10 and 200/s.")
    Double serviceRate;

    @Option(names = "--rate-connections", defaultValue = "32",
            description = "Connections that carry the open-loop load. Default: ${DEFAULT-VALUE}.")
    int rateConnections;

    @Option(names = "--step", defaultValue = "3s", converter = DurationConverter.class,
            description = "Measured time of each step. Default: ${DEFAULT-VALUE}.")
    Duration step;

    @Option(names = "--step-warmup", defaultValue = "1s", converter = DurationConverter.class,
            description = "Unrecorded start of each step. Default: ${DEFAULT-VALUE}.")
    Duration stepWarmup;

    @Option(names = "--server-warmup", defaultValue = "3s", converter = DurationConverter.class,
            description = "A dropped closed-loop run after each server starts. Default: ${DEFAULT-VALUE}.")
    Duration serverWarmup;

    @Option(names = "--max-lag", defaultValue = "10ms", converter = DurationConverter.class,
            description = "Generator send-lag and hiccup p99 past which a step is invalid. Default: ${DEFAULT-VALUE}.")
    Duration maxLag;

    @Mixin
    RunnerOptions runner;

    @Override
    public Integer call() throws Exception {
        Slo slo = null;
        if (sloText != null) {
            slo = usage(() -> SloText.parse(sloText, maxErrors));
        }
        if (poolForRate != null && slo == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pool-for-rate needs --slo");
        }
        if (sloText == null && connections == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "ask something: --slo TEXT, --connections N,N,..., or --pool-for-rate R with --slo");
        }
        if (connections != null && connections.stream().distinct().count() < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--connections needs 3 or more distinct counts for a USL fit, got " + connections);
        }
        usage(() -> ServerModel.fromLabel(model));
        SearchConfig search = usage(() -> SearchConfig.defaults(startRate, maxRate).withRelativeResolution(resolution));

        var environment = EnvironmentProbe.environment();
        Pinning pinning = runner.pin();
        List<String> flags = runner.serverJvmFlagList();
        RunFolder run = runner.newRun("capacity");
        CapacityRunner.Settings settings = new CapacityRunner.Settings(model, ioThreads, workers, op, size, arg, protocol,
                rateConnections, runner.generatorThreads, stepWarmup, step, serverWarmup, maxLag);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int own = args.indexOf("capacity");
        Manifest manifest = new Manifest(run.runId(), "capacity", "netarena capacity " + String.join(" ",
                args.subList(own + 1, args.size())), Instant.now().toString(), null,
                EnvironmentProbe.gitCommit(), plan(settings), environment, pinning.description(), flags,
                EnvironmentProbe.jvmFlags(), knobs(flags));
        run.writeManifest(manifest);
        System.err.println("netarena capacity: " + settings.subject(poolForRate != null) + ", into " + run.dir() + "\n"
                + pinning.description());

        CellMeasurement.Setup setup = new CellMeasurement.Setup(javaBinary(), ownJar(), flags, pinning, stepWarmup, step,
                runner.generatorThreads);
        CapacityRunner runner = new CapacityRunner(settings, setup, run.dir(), System.err);
        CapacityAnswer.SloAnswer sloAnswer = slo != null && poolForRate == null
                ? runner.slo(slo, sloText, search, repeats, rechecks) : null;
        CapacityAnswer.ScalingAnswer scaling = connections != null ? runner.scaling(connections) : null;
        CapacityAnswer.PoolAnswer pool = poolForRate != null ? runner.pool(poolForRate, slo, sloText,
                serviceRate != null ? serviceRate : Math.max(10, Math.min(200, poolForRate / 10))) : null;
        CapacityAnswer answer = new CapacityAnswer(settings.subject(poolForRate != null), sloAnswer, scaling, pool);

        RunFolder.writeAtomically(run.dir().resolve("capacity.json"), CapacityJson.render(answer));
        run.writeManifest(new Manifest(manifest.runId(), manifest.kind(), manifest.command(), manifest.startedAt(),
                Instant.now().toString(), manifest.gitCommit(), manifest.plan(), manifest.environment(),
                manifest.pinning(), manifest.serverJvmFlags(), manifest.generatorJvmFlags(), manifest.knobs()));
        ReportWriter.Written written = ReportWriter.write(run.dir(), List.of(CapacitySection.of(answer)));
        System.out.print(CapacityText.render(answer));
        System.out.println("\nwrote " + run.dir().resolve("capacity.json") + " and " + written.html());
        return 0;
    }

    private <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Map<String, Object> plan(CapacityRunner.Settings s) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("model", s.model());
        plan.put("ioThreads", s.ioThreads());
        plan.put("workers", s.workers());
        plan.put("op", s.op());
        plan.put("sizeBytes", s.sizeBytes());
        plan.put("arg", s.arg());
        plan.put("protocol", s.protocol());
        plan.put("slo", sloText);
        plan.put("maxErrors", maxErrors);
        plan.put("startRate", startRate);
        plan.put("maxRate", maxRate);
        plan.put("resolution", resolution);
        plan.put("repeats", repeats);
        plan.put("rechecks", rechecks);
        plan.put("connections", connections);
        plan.put("poolForRate", poolForRate);
        plan.put("rateConnections", s.rateConnections());
        plan.put("step", s.step().toString());
        plan.put("stepWarmup", s.stepWarmup().toString());
        plan.put("serverWarmup", s.serverWarmup().toString());
        plan.put("maxLag", s.maxLag().toString());
        plan.put("generatorThreads", s.generatorThreads());
        return plan;
    }

    private static Map<String, String> knobs(List<String> flags) {
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("server GC", flags.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).findFirst()
                .orElse("JVM default (G1)"));
        knobs.put("Netty", NettyFacts.describe());
        knobs.putAll(EnvironmentProbe.knobs());
        return knobs;
    }

    private static Path javaBinary() {
        return Path.of(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
    }

    private static Path ownJar() throws Exception {
        return Path.of(CapacityCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
