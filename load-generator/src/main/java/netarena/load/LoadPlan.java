package netarena.load;

import java.nio.file.Path;
import java.time.Duration;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;
import netarena.protocol.WireProtocol;

/**
 * Everything a load run needs, with all defaults in {@link #to}. Built by {@code netarena load}, the
 * sweep and tests alike; the compact constructor checks every rule that needs no machine (the machine's
 * limits are checked by {@link LoadGenerator} before it opens anything).
 *
 * @param host             the server to load; there is no default target
 * @param port             its port, 1 to 65535
 * @param protocol         the wire protocol of every connection
 * @param connections      connections opened to the target, spread round-robin over the threads
 * @param threads          event loops (threads) of the generator
 * @param pipeline         closed loop: requests each connection keeps outstanding; must be 1 in open loop
 * @param ratePerSecond    open loop: requests per second for the whole run; 0 runs closed loop
 * @param arrivals         open loop: how intended send times are spaced
 * @param seed             seeds the Poisson arrivals and the payload pattern
 * @param duration         how long the measured phase sends; with {@code requests} it is the time cap
 * @param requests         when above 0, the measured phase ends after this many requests are sent
 * @param warmup           a first phase whose requests are sent and verified but not recorded
 * @param op               the request sent, every time
 * @param sizeBytes        payload bytes of each request (every op carries it; only echo returns it)
 * @param arg              the op's argument: CPU rounds, or DELAY/BLOCK microseconds
 * @param http             HTTP only: the op's route or a custom request, and extra headers
 * @param timeout          a request with no answer after this long is counted as a timeout
 * @param connectTimeout   how long the connections may take to open, all of them, before the run fails
 * @param maxLag           the p99 of send lag or of generator hiccups past which the result is invalid
 * @param outDir           where latency.hlog, latency.hgrm and result.json go; null writes no files
 */
public record LoadPlan(
        String host,
        int port,
        WireProtocol protocol,
        int connections,
        int threads,
        int pipeline,
        long ratePerSecond,
        Arrivals arrivals,
        long seed,
        Duration duration,
        long requests,
        Duration warmup,
        Op op,
        int sizeBytes,
        long arg,
        HttpRequestSpec http,
        Duration timeout,
        Duration connectTimeout,
        Duration maxLag,
        Path outDir) {

    public static final int DEFAULT_CONNECTIONS = 1;
    public static final int DEFAULT_THREADS = 1;
    public static final int DEFAULT_PIPELINE = 1;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** The time cap of a run bounded by {@code requests} when no duration is given. */
    public static final Duration DEFAULT_REQUESTS_TIME_CAP = Duration.ofMinutes(10);
    public static final Duration DEFAULT_WARMUP = Duration.ZERO;
    public static final int DEFAULT_SIZE_BYTES = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_LAG = Duration.ofMillis(10);
    /** The longest the run waits for outstanding answers once sending stopped (see {@link #drain}). */
    public static final Duration MAX_DRAIN = Duration.ofSeconds(2);

    /** The longest run accepted: every run is bounded, and this bounds the bound. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    /** Requests per second one event loop is allowed to pace; above it the run is refused (use more threads). */
    public static final long MAX_RATE_PER_THREAD = 2_000_000;
    public static final int MAX_PIPELINE = 65_536;
    /** Connection slots are numbered in the high bits of each request id (see LoadConnection). */
    public static final int MAX_CONNECTIONS = 1 << 22;

    public LoadPlan {
        require(host != null && !host.isBlank(), "a target host must be given: the generator has no default target");
        require(port >= 1 && port <= 65535, "target port must be between 1 and 65535, was " + port);
        require(protocol != null, "protocol must be set");
        require(connections >= 1 && connections <= MAX_CONNECTIONS,
                "connections must be between 1 and " + MAX_CONNECTIONS + ", was " + connections);
        require(threads >= 1, "threads must be at least 1, was " + threads);
        require(threads <= connections,
                "threads (" + threads + ") must not exceed connections (" + connections + "): a thread with no connection idles");
        require(pipeline >= 1 && pipeline <= MAX_PIPELINE,
                "pipeline must be between 1 and " + MAX_PIPELINE + ", was " + pipeline);
        require(ratePerSecond >= 0, "rate must be at least 1 request/s (or 0 for closed loop), was " + ratePerSecond);
        require(ratePerSecond <= MAX_RATE_PER_THREAD * threads, "rate " + ratePerSecond + "/s is beyond what "
                + threads + " thread(s) can pace (at most " + MAX_RATE_PER_THREAD + " requests/s per thread): add threads");
        require(ratePerSecond == 0 || pipeline == 1,
                "pipeline applies to closed loop only; an open-loop run (rate " + ratePerSecond + "/s) sends on schedule");
        require(arrivals != null, "arrivals must be set");
        require(ratePerSecond > 0 || arrivals == Arrivals.CONSTANT,
                "arrivals " + arrivals.label() + " needs a rate: closed loop sends as answers arrive");
        require(duration != null && duration.compareTo(Duration.ofMillis(1)) >= 0 && duration.compareTo(MAX_DURATION) <= 0,
                "duration must be between 1ms and " + MAX_DURATION.toHours() + "h, was " + duration);
        require(requests >= 0, "requests must be at least 1 (or 0 for a run bounded by duration), was " + requests);
        require(warmup != null && !warmup.isNegative() && warmup.compareTo(MAX_DURATION) <= 0,
                "warmup must be between 0 and " + MAX_DURATION.toHours() + "h, was " + warmup);
        require(op != null, "op must be set");
        int maxPayload = FrameFormat.DEFAULT_MAX_FRAME_BYTES - FrameFormat.REQUEST_FIXED_BYTES;
        require(sizeBytes >= 0 && sizeBytes <= maxPayload,
                "size must be between 0 and " + maxPayload + " bytes (the server's default frame limit), was " + sizeBytes);
        long maxArg = switch (op) {
            case ECHO -> 0xFFFF_FFFFL;
            case CPU -> RequestWork.MAX_CPU_UNITS;
            case DELAY, BLOCK -> RequestWork.MAX_WAIT_MICROS;
        };
        require(arg >= 0 && arg <= maxArg, "arg for " + op.label() + " must be between 0 and " + maxArg + ", was " + arg);
        require(http != null, "http must be set (HttpRequestSpec.ROUTES by default)");
        require(protocol == WireProtocol.HTTP || http.equals(HttpRequestSpec.ROUTES),
                "--method, --path, --header and --body-size apply to --protocol http only");
        if (protocol == WireProtocol.HTTP) {
            HttpClientProtocol.template(hostPort(host, port), http, op, sizeBytes, arg); // throws naming the rule
        }
        require(timeout != null && timeout.compareTo(Duration.ofMillis(1)) >= 0,
                "timeout must be at least 1ms, was " + timeout);
        require(connectTimeout != null && connectTimeout.compareTo(Duration.ofMillis(1)) >= 0
                && connectTimeout.toMillis() <= Integer.MAX_VALUE,
                "connect timeout must be at least 1ms, was " + connectTimeout);
        require(maxLag != null && maxLag.compareTo(Duration.ofNanos(1_000)) >= 0,
                "max lag must be at least 1us, was " + maxLag);
    }

    /**
     * The default plan against {@code host:port}: closed loop, 1 connection, 1 thread, pipeline 1, echo of
     * 64 bytes for 10 s, no warmup, timeouts of 5 s, max lag 10 ms, no files.
     */
    public static LoadPlan to(String host, int port) {
        return new LoadPlan(host, port, WireProtocol.FRAME, DEFAULT_CONNECTIONS, DEFAULT_THREADS, DEFAULT_PIPELINE,
                0, Arrivals.CONSTANT, DEFAULT_SEED, DEFAULT_DURATION, 0, DEFAULT_WARMUP, Op.ECHO, DEFAULT_SIZE_BYTES,
                0, HttpRequestSpec.ROUTES, DEFAULT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_LAG, null);
    }

    /** True when requests follow a schedule ({@code ratePerSecond > 0}) rather than the answers. */
    public boolean openLoop() {
        return ratePerSecond > 0;
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    public String target() {
        return hostPort(host, port);
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** What each request is, for tables and logs: the op, or for HTTP the request line. */
    public String requestLabel() {
        if (protocol != WireProtocol.HTTP) {
            return op.label();
        }
        String line = HttpClientProtocol.template(target(), http, op, sizeBytes, arg).requestLine();
        return http.isCustom() ? line : op.label() + " (" + line + ")";
    }

    /**
     * How long, after sending stops, the run waits for answers still outstanding: the timeout, but no
     * more than {@link #MAX_DRAIN}, so that a silent server cannot stretch a run. Answers that have not
     * come by then are reported as in flight at the end.
     */
    public Duration drain() {
        return timeout.compareTo(MAX_DRAIN) < 0 ? timeout : MAX_DRAIN;
    }

    /** The same plan against another server. */
    public LoadPlan withTarget(String h, int p) {
        return new LoadPlan(h, p, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    public LoadPlan withProtocol(WireProtocol v) {
        return new LoadPlan(host, port, v, connections, threads, pipeline, ratePerSecond, arrivals, seed, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** {@code c} connections over {@code t} event loops. */
    public LoadPlan withConnections(int c, int t) {
        return new LoadPlan(host, port, protocol, c, t, pipeline, ratePerSecond, arrivals, seed, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** Closed loop with {@code depth} requests outstanding per connection. */
    public LoadPlan withClosedLoop(int depth) {
        return new LoadPlan(host, port, protocol, connections, threads, depth, 0, Arrivals.CONSTANT, seed, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** Open loop at {@code perSecond} requests per second for the whole run. */
    public LoadPlan withRate(long perSecond, Arrivals a) {
        return new LoadPlan(host, port, protocol, connections, threads, 1, perSecond, a, seed, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    public LoadPlan withSeed(long v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, v, duration,
                requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** A run bounded by time only. */
    public LoadPlan withDuration(Duration v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed, v,
                0, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** A run bounded by {@code n} measured requests, and by {@code timeCap} should they take longer. */
    public LoadPlan withRequests(long n, Duration timeCap) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                timeCap, n, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    public LoadPlan withWarmup(Duration v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, v, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** The request: its op, payload size in bytes and argument. */
    public LoadPlan withRequest(Op o, int size, long a) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, warmup, o, size, a, http, timeout, connectTimeout, maxLag, outDir);
    }

    /** HTTP: a custom request or the op's route, and extra headers. */
    public LoadPlan withHttp(HttpRequestSpec v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, warmup, op, sizeBytes, arg, v, timeout, connectTimeout, maxLag, outDir);
    }

    public LoadPlan withTimeouts(Duration request, Duration connect) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, warmup, op, sizeBytes, arg, http, request, connect, maxLag, outDir);
    }

    public LoadPlan withMaxLag(Duration v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, v, outDir);
    }

    public LoadPlan withOutDir(Path v) {
        return new LoadPlan(host, port, protocol, connections, threads, pipeline, ratePerSecond, arrivals, seed,
                duration, requests, warmup, op, sizeBytes, arg, http, timeout, connectTimeout, maxLag, v);
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
