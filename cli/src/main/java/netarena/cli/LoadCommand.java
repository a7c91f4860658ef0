package netarena.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import netarena.cli.units.UnitConverters;
import netarena.experiments.cluster.AgentLogBundle;
import netarena.experiments.distributed.LocalAgents;
import netarena.experiments.workload.LoadPlans;
import netarena.load.AgentFiles;
import netarena.load.Arrivals;
import netarena.load.ClosedLoop;
import netarena.load.LoadBounds;
import netarena.load.LoadDefaults;
import netarena.load.LoadGenerator;
import netarena.load.LoadLimits;
import netarena.load.LoadPlan;
import netarena.load.LoadRequest;
import netarena.load.LoadResult;
import netarena.load.LoadShape;
import netarena.load.LoadTarget;
import netarena.load.MeasuredPhaseListener;
import netarena.load.OpenLoop;
import netarena.load.ResultTable;
import netarena.load.StartGate;
import netarena.protocol.Op;
import netarena.results.gate.LoadGate;
import netarena.results.gate.LoadSlo;
import netarena.results.merge.MergedRun;
import netarena.results.merge.MergedTable;
import netarena.protocol.WireProtocol;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code netarena load}: a thin shell over {@link LoadGenerator}. Options left out take the defaults of
 * {@link LoadDefaults} (through {@link LoadOptionDefaults}); the plan's own rules reject what cannot run.
 * Progress goes to stderr, the table to stdout; Ctrl-C (or SIGTERM) ends the run early and still reports it,
 * marked partial.
 */
@Command(name = "load", sortOptions = false,
        defaultValueProvider = LoadOptionDefaults.class,
        description = {
            "Load a server and measure it: closed loop (each connection keeps --pipeline requests outstanding) or,",
            "with --rate, open loop (requests on a fixed schedule; latency counted from each intended send time).",
            "Every run is bounded by --duration or --requests. See docs/LOAD.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the run had errors (connect, closed, timeout, BAD_REQUEST/BAD_FRAME/BUSY, HTTP non-2xx, mismatch), "
                    + "or an --slo threshold failed",
            "2:invalid: the generator's own send lag or hiccups passed --max-lag or --max-lag-share of the latency p99",
            "3:could not open the connections (within --connect-timeout)",
            "64:usage error (bad option, or a plan the machine cannot run)",
            "130:stopped early with Ctrl-C or SIGTERM (results are partial)"})
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT",
            description = "The server to load, e.g. 127.0.0.1:7000 or [::1]:7000. There is no default target.")
    String target;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "Wire protocol: frame or http (HTTP/1.1 to any server; docs/LOAD.md). Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = {"-c", "--connections"}, paramLabel = "C",
            description = "Connections to open. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = {"-t", "--threads"}, paramLabel = "T",
            description = "Event loops (threads) the connections are spread over. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--pipeline", paramLabel = "D",
            description = "Closed loop: requests each connection keeps outstanding. Default: ${DEFAULT-VALUE}.")
    int pipeline;

    @Option(names = {"-R", "--rate"}, paramLabel = "R",
            description = "Open loop: requests per second for the whole run. Without it (or 0) the run is closed loop.")
    long rate;

    @Option(names = "--arrivals", paramLabel = "KIND",
            description = "Open loop spacing: constant or poisson (seeded by --seed). Default: ${DEFAULT-VALUE}.")
    String arrivals;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the Poisson arrivals and the payload bytes. Default: ${DEFAULT-VALUE}.")
    long seed;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Bound bound;

    static final class Bound {
        @Option(names = {"-d", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
                description = "How long the measured phase sends, e.g. 30s, 2m. Default: ${DEFAULT-VALUE}.")
        Duration duration;

        @Option(names = "--requests", paramLabel = "N",
                description = "Stop after N measured requests (and at the generator's time cap whatever happens).")
        Long requests;
    }

    @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class, description = {
        "A first phase whose requests are sent and verified but not recorded, so a cold server (JIT, caches,",
        "connection setup) does not count; 0 turns it off. Default: ${DEFAULT-VALUE}."})
    Duration warmup;

    @Option(names = "--warmup-at-full-speed", description = {
        "Open loop: run the warmup closed loop on the same connections (the next request as each answer",
        "comes), then start the schedule; a JVM server compiles its hot path in seconds, not minutes at a low rate."})
    boolean warmupAtFullSpeed;

    @Option(names = "--op", paramLabel = "OP",
            description = "The request: echo, cpu, delay or block. Default: ${DEFAULT-VALUE}.")
    String op;

    @Option(names = "--size", paramLabel = "BYTES", converter = UnitConverters.IntSize.class, description = {
        "Request payload bytes (only echo sends them back); with --protocol http the body of POST /echo",
        "(the other routes are GETs without a body). Default: ${DEFAULT-VALUE}."})
    int size;

    @Option(names = "--arg", paramLabel = "N",
            description = "The op's argument: cpu rounds, or delay/block microseconds. Default: ${DEFAULT-VALUE}.")
    long arg;

    @Mixin
    HttpRequestOptions http = new HttpRequestOptions();

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "A request with no answer after this long is a timeout error. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "All connections must open within this, or the run fails (exit 3). Default: ${DEFAULT-VALUE}.")
    Duration connectTimeout;

    @Option(names = "--max-lag", paramLabel = "TIME", converter = DurationConverter.class, description =
            "p99 of send lag or generator hiccups past which the result is invalid (exit 2). Default: ${DEFAULT-VALUE}.")
    Duration maxLag;

    @Option(names = "--max-lag-share", paramLabel = "SHARE", description = "Share of the latency p99 that the p99 of "
            + "send lag or generator stalls may reach before the result is invalid (exit 2); 1 turns it off, leaving --max-lag "
            + "alone. Default: ${DEFAULT-VALUE}.")
    double maxLagShare;

    @Option(names = "--spin", paramLabel = "TIME", converter = DurationConverter.class, description = "Open loop: stop "
            + "sleeping this long before each send and keep the event loop running (up to that much CPU per sleep; "
            + "for a generator alone on its core). Default: ${DEFAULT-VALUE}.")
    Duration spin;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write latency.hlog (every second), latency.hgrm, service.hgrm, send-lag.hgrm and result.json here.")
    Path out;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--slo", paramLabel = "THRESHOLD", description = {
        "A pass/fail threshold, repeatable, as k6 writes them: p99<=5ms, max<1s, mean<=2ms, errors==0,",
        "error_rate<=0.1%%, rate>=0.99*requested (verified answers/s against --rate). Checked on the corrected",
        "latency; a table after the result and the slo section of result.json; exit 1 when one fails."})
    List<String> sloTexts = List.of();

    @Option(names = "--json", description = "Print the result on stdout as JSON, the schema of result.json (its slo "
            + "section included), instead of the table.")
    boolean json;

    @Option(names = "--latency", description = "Accepted for wrk's users; the percentiles are always printed.")
    boolean latency;

    @Mixin
    AgentOptions agent = new AgentOptions();

    @Override
    public Integer call() throws IOException {
        LoadPlan plan = plan();
        List<LoadSlo> slos = slos(plan);
        TargetOptions.warnIfNotLoopback(plan.target().host());
        if (agent.localAgents != null) {
            return runLocalAgents(plan);
        }
        StartGate gate;
        try {
            plan = agent.share(plan, out);
            gate = agent.gate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LoadResult result = run(plan, gate);
        if (agent.agentMode()) {
            AgentFiles.write(result, plan.limits().slice(), gate, out);
        }
        LoadGate slo = LoadGate.check(slos, result);
        if (result.connectFailed()) {
            // a table of zeros would bury the one line that matters; a script asking for JSON still gets it
            System.err.println("netarena load: could not connect: " + result.connectFailure());
            if (json) {
                System.out.print(slo.json(result));
            }
            return result.exitCode();
        }
        System.out.print(json ? slo.json(result) : ResultTable.format(result) + slo.table());
        System.out.flush();
        if (agent.printFiles) {
            AgentLogBundle.print(out, AgentLogBundle.RUN_FILES, System.out);
        }
        if (out != null) {
            slo.writeInto(out, result);
            System.err.println("results in " + out.toAbsolutePath());
        }
        return slo.exitCode(result);
    }

    /** Runs the generator to its end; Ctrl-C or SIGTERM stops it early with the partial result (exit 130). */
    private LoadResult run(LoadPlan plan, StartGate gate) {
        LoadGenerator generator = new LoadGenerator(plan, gate, p -> {
            if (!quiet) {
                System.err.println(p.format());
            }
        }, MeasuredPhaseListener.NONE);
        SignalHandler previousInt = Signal.handle(new Signal("INT"), s -> generator.stop());
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), s -> generator.stop());
        try {
            return generator.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }

    /** {@code --agents N}: N agent processes with this command's options, merged into --out. */
    private int runLocalAgents(LoadPlan plan) {
        MergedRun run;
        try {
            run = LocalAgents.run(agent.localAgents(AgentOptions.forwardedArgs(spec), plan, out));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        System.out.print(MergedTable.format(run));
        System.err.println("merged result in " + out.toAbsolutePath() + ", agents in " + out.toAbsolutePath()
                + "/agent-*");
        return run.exitCode();
    }

    /** The plan the options describe; a broken rule is a usage error (exit 64) naming the rule. */
    LoadPlan plan() {
        try {
            LoadTarget to = LoadTarget.parse(target, WireProtocol.fromLabel(protocol.toLowerCase(Locale.ROOT)));
            LoadLimits limits = LoadLimits.DEFAULT.withConnections(connections, threads).withMaxLag(maxLag)
                    .withMaxLagShare(maxLagShare).withSpin(spin);
            return LoadPlans.of(to, shape(), bounds(), request(), limits, out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The --slo thresholds for {@code plan}; one that cannot be read is a usage error. */
    private List<LoadSlo> slos(LoadPlan plan) {
        try {
            return sloTexts.stream().map(t -> LoadSlo.parse(t, plan)).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--slo " + e.getMessage());
        }
    }

    /** Open loop with --rate, closed loop (with --pipeline) without. */
    private LoadShape shape() {
        if (rate == 0) {
            require(!given("--arrivals"), "--arrivals needs --rate: a closed loop sends as answers arrive");
            require(!warmupAtFullSpeed, "--warmup-at-full-speed needs --rate: a closed loop's warmup is at full speed");
            return new ClosedLoop(pipeline);
        }
        require(pipeline == 1, "--pipeline applies to closed loop only; with --rate requests are sent on schedule "
                + "whatever is outstanding");
        return new OpenLoop(rate, Arrivals.fromLabel(arrivals), warmupAtFullSpeed);
    }

    private LoadBounds bounds() {
        LoadBounds b = new LoadBounds(LoadDefaults.DURATION, 0, warmup, timeout, connectTimeout);
        if (bound != null && bound.requests != null) {
            require(bound.requests >= 1, "--requests must be at least 1, was " + bound.requests);
            return b.forRequests(bound.requests, LoadDefaults.REQUESTS_TIME_CAP);
        }
        return bound != null && bound.duration != null ? b.forDuration(bound.duration) : b;
    }

    /** The request the options describe; {@link LoadPlan} refuses HTTP options without --protocol http. */
    private LoadRequest request() {
        return http.request(Op.fromLabel(op.toLowerCase(Locale.ROOT)), size, arg, seed);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
