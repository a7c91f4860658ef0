package netarena.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import netarena.experiments.workload.LoadPlans;
import netarena.load.Arrivals;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.ResultTable;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code netarena load}: a thin shell over {@link LoadGenerator}. Options left out keep the defaults of
 * {@link LoadPlans#defaults}; the plan's own rules reject what cannot run. Progress goes to stderr, the table to
 * stdout; Ctrl-C (or SIGTERM) ends the run early and still reports it, marked partial.
 */
@Command(name = "load", exitCodeOnInvalidInput = LoadCommand.EXIT_USAGE, sortOptions = false,
        description = {
            "Load a server and measure it: closed loop (each connection keeps --pipeline requests outstanding) or,",
            "with --rate, open loop (requests on a fixed schedule; latency counted from each intended send time).",
            "Every run is bounded by --duration or --requests. See docs/LOAD.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:the run had errors (connect, closed, timeout, BAD_REQUEST/BAD_FRAME/BUSY, HTTP non-2xx, mismatch)",
            "2:invalid: the generator's own send lag or hiccups passed --max-lag",
            "3:could not open the connections (within --connect-timeout)",
            "64:usage error (bad option, or a plan the machine cannot run)",
            "130:stopped early with Ctrl-C or SIGTERM (results are partial)"})
final class LoadCommand implements Callable<Integer> {

    static final int EXIT_USAGE = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT",
            description = "The server to load, e.g. 127.0.0.1:7000 or [::1]:7000. There is no default target.")
    String target;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "Wire protocol: frame or http (HTTP/1.1 to any server; docs/LOAD.md). Default: frame.")
    String protocol;

    @Option(names = "--connections", paramLabel = "C",
            description = "Connections to open. Default: " + LoadPlan.DEFAULT_CONNECTIONS + ".")
    Integer connections;

    @Option(names = "--threads", paramLabel = "T",
            description = "Event loops (threads) the connections are spread over. Default: " + LoadPlan.DEFAULT_THREADS + ".")
    Integer threads;

    @Option(names = "--pipeline", paramLabel = "D",
            description = "Closed loop: requests each connection keeps outstanding. Default: " + LoadPlan.DEFAULT_PIPELINE + ".")
    Integer pipeline;

    @Option(names = "--rate", paramLabel = "R",
            description = "Open loop: requests per second for the whole run. Without it the run is closed loop.")
    Long rate;

    @Option(names = "--arrivals", paramLabel = "KIND",
            description = "Open loop spacing: constant or poisson (seeded by --seed). Default: constant.")
    String arrivals;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the Poisson arrivals and the payload bytes. Default: " + LoadPlan.DEFAULT_SEED + ".")
    Long seed;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Bound bound;

    static final class Bound {
        @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
                description = "How long the measured phase sends, e.g. 30s, 2m. Default: 10s.")
        Duration duration;

        @Option(names = "--requests", paramLabel = "N",
                description = "Stop after N measured requests (and after 10m whatever happens).")
        Long requests;
    }

    @Option(names = "--warmup", paramLabel = "TIME", converter = DurationConverter.class,
            description = "A first phase whose requests are sent and verified but not recorded, e.g. 5s. Default: none.")
    Duration warmup;

    @Option(names = "--op", paramLabel = "OP", description = "The request: echo, cpu, delay or block. Default: echo.")
    String op;

    @Option(names = "--size", paramLabel = "BYTES", description = {
        "Request payload bytes (only echo sends them back); with --protocol http the body of POST /echo",
        "(the other routes are GETs without a body). Default: " + LoadPlan.DEFAULT_SIZE_BYTES + "."})
    Integer size;

    @Option(names = "--arg", paramLabel = "N",
            description = "The op's argument: cpu rounds, or delay/block microseconds. Default: 0.")
    Long arg;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "HTTP, with --path: the request method, as sent (case matters). Default: GET.")
    String method;

    @Option(names = "--path", paramLabel = "TARGET", description = {
        "HTTP: send this origin-form request-target (query included, e.g. /plaintext) instead of the --op route;",
        "answers must be 2xx with the body length of the run's first answer (POST /echo: the body sent)."})
    String path;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "HTTP: a header line added to every request; repeatable. A Host header replaces the default (HOST:PORT).")
    List<String> headers;

    @Option(names = "--body-size", paramLabel = "BYTES", description = {
        "HTTP: body bytes of each request (seeded pattern bytes, with Content-Length). With --path the custom",
        "request's body (default 0); without it the echo body, like --size."})
    Integer bodySize;

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "A request with no answer after this long is a timeout error. Default: 5s.")
    Duration timeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "All connections must open within this, or the run fails (exit 3). Default: 5s.")
    Duration connectTimeout;

    @Option(names = "--max-lag", paramLabel = "TIME", converter = DurationConverter.class,
            description = "p99 of send lag or generator hiccups past which the result is invalid (exit 2). Default: 10ms.")
    Duration maxLag;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write latency.hlog (every second), latency.hgrm, service.hgrm, send-lag.hgrm and result.json here.")
    Path out;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        LoadPlan plan = plan();
        warnIfNotLoopback(plan.host());
        LoadGenerator generator = new LoadGenerator(plan, p -> {
            if (!quiet) {
                System.err.println(p.format());
            }
        });
        SignalHandler previousInt = Signal.handle(new Signal("INT"), s -> generator.stop());
        SignalHandler previousTerm = Signal.handle(new Signal("TERM"), s -> generator.stop());
        LoadResult result;
        try {
            result = generator.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            Signal.handle(new Signal("INT"), previousInt);
            Signal.handle(new Signal("TERM"), previousTerm);
        }
        System.out.print(ResultTable.format(result));
        System.out.flush();
        if (out != null) {
            System.err.println("results in " + out.toAbsolutePath());
        }
        return result.exitCode();
    }

    /** The plan the options describe; a broken rule is a usage error (exit 64) naming the rule. */
    LoadPlan plan() {
        try {
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                throw new IllegalArgumentException("--target must be HOST:PORT, e.g. 127.0.0.1:7000, was '" + target + "'");
            }
            String host = target.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            LoadPlan p = LoadPlans.defaults(host, port(target.substring(colon + 1)));
            if (protocol != null) {
                p = p.withProtocol(WireProtocol.fromLabel(protocol.toLowerCase(Locale.ROOT)));
            }
            if (connections != null || threads != null) {
                p = p.withConnections(connections != null ? connections : p.connections(),
                        threads != null ? threads : p.threads());
            }
            p = withRequest(withBounds(withShape(p)));
            return withLimits(p.withHttp(httpRequest(p)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target port must be a number, was '" + target + "'");
        }
    }

    /** Open loop with --rate, closed loop (with --pipeline) without. */
    private LoadPlan withShape(LoadPlan p) {
        if (rate != null) {
            if (pipeline != null && pipeline != 1) {
                throw new IllegalArgumentException("--pipeline applies to closed loop only; with --rate requests "
                        + "are sent on schedule whatever is outstanding");
            }
            p = p.withRate(rate, arrivals != null ? Arrivals.fromLabel(arrivals) : Arrivals.CONSTANT);
        } else {
            if (arrivals != null) {
                throw new IllegalArgumentException("--arrivals needs --rate: a closed loop sends as answers arrive");
            }
            if (pipeline != null) {
                p = p.withClosedLoop(pipeline);
            }
        }
        return seed != null ? p.withSeed(seed) : p;
    }

    /** --duration or --requests, and --warmup. */
    private LoadPlan withBounds(LoadPlan p) {
        if (bound != null && bound.duration != null) {
            p = p.withDuration(bound.duration);
        } else if (bound != null && bound.requests != null) {
            if (bound.requests < 1) {
                throw new IllegalArgumentException("--requests must be at least 1, was " + bound.requests);
            }
            p = p.withRequests(bound.requests, LoadPlan.DEFAULT_REQUESTS_TIME_CAP);
        }
        return warmup != null ? p.withWarmup(warmup) : p;
    }

    /** --op, --size (or --body-size for the echo body) and --arg. */
    private LoadPlan withRequest(LoadPlan p) {
        Integer requestSize = size;
        if (path == null && bodySize != null) {
            if (size != null && !size.equals(bodySize)) {
                throw new IllegalArgumentException("--body-size " + bodySize + " and --size " + size
                        + " both set the echo body: give one");
            }
            requestSize = bodySize;
        }
        if (op == null && requestSize == null && arg == null) {
            return p;
        }
        return p.withRequest(op != null ? Op.fromLabel(op.toLowerCase(Locale.ROOT)) : p.op(),
                requestSize != null ? requestSize : p.sizeBytes(), arg != null ? arg : p.arg());
    }

    /** --timeout, --connect-timeout, --max-lag and --out. */
    private LoadPlan withLimits(LoadPlan p) {
        if (timeout != null || connectTimeout != null) {
            p = p.withTimeouts(timeout != null ? timeout : p.timeout(),
                    connectTimeout != null ? connectTimeout : p.connectTimeout());
        }
        if (maxLag != null) {
            p = p.withMaxLag(maxLag);
        }
        return out != null ? p.withOutDir(out) : p;
    }

    /** The HTTP request the options describe; {@link LoadPlan} refuses any of them without --protocol http. */
    private HttpRequestSpec httpRequest(LoadPlan p) {
        List<String> lines = headers != null ? headers : List.of();
        if (path == null) {
            if (method != null) {
                throw new IllegalArgumentException("--method needs --path: without it the --op route is sent");
            }
            if (bodySize != null && p.op() != Op.ECHO) {
                throw new IllegalArgumentException("--body-size without --path is the echo body; the " + p.op().label()
                        + " route is a GET without one");
            }
            return HttpRequestSpec.routes(lines);
        }
        if (op != null || arg != null || size != null) {
            throw new IllegalArgumentException("--op, --arg and --size choose a netarena route; with --path the "
                    + "request is --method, --path, --header and --body-size");
        }
        return HttpRequestSpec.custom(method, path, lines, bodySize != null ? bodySize : 0);
    }

    private static void warnIfNotLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                System.err.println("warning: " + host + " is not a loopback address: make sure you may load it");
            }
        } catch (UnknownHostException e) {
            // the generator reports it as a connect failure
        }
    }
}
