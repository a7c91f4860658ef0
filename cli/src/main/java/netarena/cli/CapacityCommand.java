package netarena.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import netarena.cli.units.UnitConverters;
import netarena.experiments.capacity.CapacityExperiment;
import netarena.experiments.capacity.CapacityRunner;
import netarena.experiments.capacity.SearchConfig;
import netarena.experiments.sut.ExternalTarget;
import netarena.experiments.sut.TargetFailedException;
import netarena.load.LoadDefaults;
import netarena.load.LoadRequest;
import netarena.protocol.Op;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityText;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloText;
import netarena.server.ServerDefaults;
import netarena.server.ServerModel;
import netarena.server.WorkerPoolKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netarena capacity}: how much one server configuration can take. With {@code --slo} alone, the
 * highest open-loop rate meeting it; with {@code --connections}, closed-loop scaling fitted to the
 * Universal Scalability Law; with {@code --pool-for-rate} and {@code --slo}, a worker pool sized on the
 * server's own service time under M/D/c (Erlang C beside it) and measured. With {@code --target}, a server
 * already running instead of a launched one (not for the pool). Writes {@code <runs>/<time>-capacity/} with
 * capacity.json and report.html.
 */
@Command(name = "capacity", sortOptions = false, exitCodeOnExecutionException = ExitCodes.UNDECIDED,
        description = {
            "How much one server configuration can take, each server in its own JVM (pinned, verified), this process "
                    + "the load generator. Ask one or more of:",
            "  --slo \"p99<=5ms\"                 the highest open-loop rate meeting the SLO (staircase, bisection, "
                    + "then repeats at both ends)",
            "  --connections 1,2,4,8,16,32      closed-loop throughput fitted to the Universal Scalability Law, "
                    + "Little's law checked",
            "  --pool-for-rate R --slo ...      a worker pool for R requests/s sized on the server's own service time "
                    + "(M/D/c, Erlang C beside it), then measured",
            "With --target HOST:PORT instead of --model, your own server as it runs (--slo and --connections; any "
                    + "HTTP server with --protocol http --path /p).",
            "Writes capacity.json and report.html into results/runs/<time>-capacity/. See docs/CAPACITY.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:answered, and with --slo a rate met it",
            "1:with --slo, no rate met the SLO (some rate was measured and missed it)",
            "2:a server failed (or the target failed the verify gate), or nothing could be measured (every step invalid)",
            "3:could not connect to --target",
            "64:usage error"})
final class CapacityCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--model", description = "The I/O model to launch (see `netarena models`); or --target.")
    String model;

    @Option(names = "--io-threads", defaultValue = "0", description = "The server's --io-threads. Default: ${DEFAULT-VALUE}.")
    int ioThreads;

    @Option(names = "--workers", defaultValue = "0",
            description = "The server's --workers (--pool-for-rate chooses its own). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--worker-pool", paramLabel = "KIND", description = "The server's --worker-pool: fixed, elastic, "
            + "work-stealing or virtual; --pool-for-rate sizes and measures a pool of this kind. Default: "
            + "${DEFAULT-VALUE}.")
    String workerPool = ServerDefaults.WORKER_POOL.label();

    @Option(names = "--op", defaultValue = "echo", description = "echo, cpu, delay or block. Default: ${DEFAULT-VALUE}.")
    String op;

    @Option(names = "--size", defaultValue = "64", converter = UnitConverters.IntSize.class, description = "Request payload bytes. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--arg", defaultValue = "0",
            description = "The op's argument: CPU rounds, or microseconds for delay and block. Default: ${DEFAULT-VALUE}.")
    long arg;

    @Option(names = "--protocol", defaultValue = "frame", description = "frame or http. Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Mixin
    HttpRequestOptions http;

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

    @Option(names = "--max-lag-share", paramLabel = "SHARE", defaultValue = "" + LoadDefaults.MAX_LAG_SHARE,
            description = "Share of a step's latency p99 that the p99 of send lag or generator stalls may reach before "
                    + "the step is invalid; 1 turns it off, leaving --max-lag alone. Default: ${DEFAULT-VALUE}.")
    double maxLagShare;

    @Mixin
    RunnerOptions runner;

    /** The options that shape a server netarena launches, refused with --target. */
    private static final List<String> LAUNCHED_ONLY = List.of("--model", "--io-threads", "--workers", "--worker-pool",
            "--server-jvm-flags", "--pool-for-rate");

    @Override
    public Integer call() throws Exception {
        Slo slo = sloText == null ? null : usage(() -> SloText.parse(sloText, maxErrors));
        checkQuestions(slo);
        ExternalTarget external = target.target(LAUNCHED_ONLY);
        if (external == null) {
            if (model == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --model M to launch netarena's server, or --target HOST:PORT to measure one running");
            }
            usage(() -> ServerModel.fromLabel(model));
        }
        usage(() -> WorkerPoolKind.fromLabel(workerPool));
        SearchConfig search = usage(() -> SearchConfig.defaults(startRate, maxRate).withRelativeResolution(resolution));
        LoadRequest request = usage(() -> http.request(Op.fromLabel(op), size, arg, LoadDefaults.SEED));
        CapacityRunner.Settings settings = usage(() -> new CapacityRunner.Settings(
                external == null ? model : external.model(), ioThreads, workers, workerPool, request.op().label(),
                request.sizeBytes(), request.arg(), protocol, request.http(), rateConnections, runner.generatorThreads,
                stepWarmup, step, serverWarmup, maxLag, maxLagShare));
        CapacityExperiment.Questions questions = new CapacityExperiment.Questions(slo, sloText, maxErrors, search,
                repeats, rechecks, connections, poolForRate,
                serviceRate != null ? serviceRate : poolForRate == null ? 0 : Math.max(10, Math.min(200, poolForRate / 10)));
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String command = "netarena capacity " + String.join(" ", args.subList(args.indexOf("capacity") + 1, args.size()));
        CapacityExperiment.Done done;
        try {
            done = CapacityExperiment.run(settings, questions, command, runner.settings(external), System.err);
        } catch (TargetFailedException e) {
            return TargetOptions.failed("capacity", e);
        }
        System.out.print(CapacityText.render(done.answer()));
        System.out.println("\nwrote " + done.json() + " and " + done.html());
        CapacityAnswer.SloAnswer sloAnswer = done.answer().slo();
        if (sloAnswer == null || sloAnswer.met()) {
            return ExitCodes.OK;
        }
        // "no rate met the SLO" needs a rate measured: with every step invalid the generator decided nothing
        return sloAnswer.search().curve().isEmpty() ? ExitCodes.UNDECIDED : ExitCodes.FAILED;
    }

    /** Refuses a set of options that asks nothing, or asks a question without what it needs. */
    private void checkQuestions(Slo slo) {
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
    }

    private <T> T usage(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
