package netarena.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import netarena.cli.metrics.MetricsEndpoint;
import netarena.cli.units.Durations;
import netarena.cli.units.UnitConverters;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerDefaults;
import netarena.server.ServerModel;
import netarena.server.ServerStats;
import netarena.server.StatsLine;
import netarena.server.WorkerPoolKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code netarena serve}: runs one server until SIGTERM or Ctrl-C, then stops gracefully and exits 0.
 * Prints exactly one line on stdout, {@code listening on HOST:PORT}, once it accepts connections.
 */
@Command(name = "serve", defaultValueProvider = DurationDefaultProvider.class, description = {
    "Run one server model until SIGTERM or Ctrl-C.",
    "Prints exactly one line on stdout, 'listening on HOST:PORT', once it accepts connections; logs go to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGTERM or Ctrl-C after a graceful stop",
            "2:could not start: the model is not available here, or the address cannot be bound (port in use)",
            "64:usage error"})
final class ServeCommand implements Callable<Integer> {

    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<model>",
            description = "The I/O model (see `netarena models`).")
    String model;

    @Option(names = "--protocol", paramLabel = "<protocol>",
            description = "Wire protocol: frame or http (HTTP/1.1, docs/HTTP.md). Default: ${DEFAULT-VALUE}.")
    String protocol = ServerDefaults.PROTOCOL.label();

    @Option(names = "--bind", paramLabel = "<host>",
            description = "Address to bind. Default: ${DEFAULT-VALUE} (loopback only).")
    String bind = ServerDefaults.BIND_HOST;

    @Option(names = "--port", paramLabel = "<port>", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port = ServerDefaults.PORT;

    @Option(names = "--io-threads", paramLabel = "<n>", description = "I/O threads: reactors, event loops or "
            + "completion threads; for thread-per-client the fixed pool size (0: a new thread per client); for virtual "
            + "the carrier threads (the JVM-wide virtual-thread scheduler parallelism, applied before the first "
            + "virtual thread starts). 0 means the model's default. Default: ${DEFAULT-VALUE}.")
    int ioThreads = ServerDefaults.IO_THREADS;

    @Option(names = "--workers", paramLabel = "<n>", description = {"Worker threads that run every request apart "
            + "from the I/O threads, serving connections in turn. 0: ECHO runs on the I/O thread, CPU and BLOCK on "
            + "workers of their own (see --run-work-on-io-threads). Default: ${DEFAULT-VALUE}."})
    int workers = ServerDefaults.WORKERS;

    @Option(names = "--worker-pool", paramLabel = "<kind>", description = {"What runs the work that is not I/O (the "
            + "--workers, or with --workers 0 the workers of their own): fixed (N platform threads, kept), elastic (N "
            + "threads, one more whenever work waits and none is idle, up to --worker-pool-max; back to N after "
            + "--worker-keep-alive idle), work-stealing (a ForkJoinPool of parallelism N), virtual (a virtual thread "
            + "per task, at most N at once). Every kind serves connections in turn, with the same bounds. "
            + "Default: ${DEFAULT-VALUE}."})
    String workerPool = ServerDefaults.WORKER_POOL.label();

    @Option(names = "--worker-pool-max", paramLabel = "<n>",
            description = "Elastic pool only: the most threads it grows to. Default: ${DEFAULT-VALUE}.")
    int workerPoolMax = ServerDefaults.WORKER_POOL_MAX;

    @Option(names = "--worker-keep-alive", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Elastic pool only: how long a thread beyond its core waits idle before it ends. "
            + "Default: ${DEFAULT-VALUE}.")
    Duration workerKeepAlive = ServerDefaults.WORKER_KEEP_ALIVE;

    @Option(names = "--worker-queue", paramLabel = "<n>",
            description = "Requests that may wait for a worker; beyond it they are answered BUSY. Default: ${DEFAULT-VALUE}.")
    int workerQueue = ServerDefaults.WORKER_QUEUE;

    @Option(names = "--max-connections", paramLabel = "<n>",
            description = "Connections served at once; more are accepted, closed and counted refused. Default: ${DEFAULT-VALUE}.")
    int maxConnections = ServerDefaults.MAX_CONNECTIONS;

    @Option(names = "--max-frame", paramLabel = "<bytes>", converter = UnitConverters.IntSize.class,
            description = "Largest frame length (or HTTP body) in bytes. Default: ${DEFAULT-VALUE}.")
    int maxFrame = ServerDefaults.MAX_FRAME_BYTES;

    @Option(names = "--max-pending", paramLabel = "<bytes>", converter = UnitConverters.IntSize.class,
            description = "Unsent bytes per connection past which the server stops reading from it. Default: ${DEFAULT-VALUE}.")
    int maxPending = ServerDefaults.MAX_PENDING_BYTES;

    @Option(names = "--max-buffered", paramLabel = "<bytes>", converter = UnitConverters.Size.class,
            description = "Bytes the whole server may hold for "
            + "its connections (partial requests, unanswered requests, unsent answers); past it, connections holding "
            + "more than " + ServerConfig.Limits.FAIR_SHARE_BYTES + " bytes stop reading. Default: a quarter of the "
            + "heap, at least " + ServerDefaults.MIN_MAX_BUFFERED_BYTES + " bytes.")
    Long maxBuffered;

    @Option(names = "--backlog", paramLabel = "<n>", description = "Listen backlog. Default: ${DEFAULT-VALUE}.")
    int backlog = ServerDefaults.BACKLOG;

    @Option(names = "--grace", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How long a stop waits for requests in flight, e.g. 500ms, 5s. Default: ${DEFAULT-VALUE}.")
    Duration grace = ServerDefaults.GRACE;

    @Option(names = "--idle-timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Close a connection with no byte read or written and no request in flight this long. Default: ${DEFAULT-VALUE}.")
    Duration idleTimeout = ServerDefaults.IDLE_TIMEOUT;

    @Option(names = "--header-timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Close a connection whose request (a frame, or an HTTP head and body) is not whole this long after its first byte. Default: ${DEFAULT-VALUE}.")
    Duration headerTimeout = ServerDefaults.HEADER_TIMEOUT;

    @Option(names = "--max-pipelined", paramLabel = "<n>",
            description = "Unanswered requests per connection past which the server stops reading from it. Default: ${DEFAULT-VALUE}.")
    int maxPipelined = ServerDefaults.MAX_PIPELINED;

    @Option(names = "--run-work-on-io-threads", description = {
        "ANTI-PATTERN, for measurement only: with --workers 0, run CPU and BLOCK on the I/O thread that read",
        "them, as the first version of every model did; one connection's BLOCK then stalls every connection",
        "of that thread, accept included. By default they run on workers of their own (one per core)."})
    boolean runWorkOnIoThreads = ServerDefaults.RUN_WORK_ON_IO_THREADS;

    @Option(names = "--metrics-port", paramLabel = "<port>", description = {
        "Serve the server's counters and service-time histogram in the Prometheus text format at",
        "http://BIND:PORT/metrics (0: any free port, logged). Bound to the server's address. Default: off."})
    Integer metricsPort;

    @Option(names = "--test-cost-micros", paramLabel = "<micros>", hidden = true,
            description = "Test only: CPU microseconds burnt on every request, to inject a known regression.")
    long testCostMicros = ServerDefaults.TEST_COST_MICROS;

    /**
     * The config the options say. A rule they break is an IllegalArgumentException naming it, which the
     * command line prints as one line.
     */
    ServerConfig config() {
        return new ServerConfig(WireProtocol.fromLabel(protocol),
                new ServerConfig.Bind(bind, port, backlog),
                new ServerConfig.Threads(ioThreads, workers, workerQueue, runWorkOnIoThreads,
                        new ServerConfig.WorkerPool(WorkerPoolKind.fromLabel(workerPool), workerPoolMax, workerKeepAlive)),
                new ServerConfig.Limits(maxConnections, maxFrame, maxPending,
                        maxBuffered != null ? maxBuffered : ServerDefaults.maxBufferedBytes(), maxPipelined),
                new ServerConfig.Timeouts(idleTimeout, headerTimeout, grace),
                testCostMicros);
    }

    @Override
    public Integer call() throws Exception {
        ServerModel serverModel = serverModel();
        String unavailable = serverModel.unavailabilityReason();
        if (unavailable != null) {
            System.err.println("netarena serve: model " + serverModel.label() + " is not available here: " + unavailable);
            return ExitCodes.UNDECIDED;
        }
        ServerConfig config = config();
        ModelSetup.beforeStart(serverModel, config);
        CountDownLatch stopRequested = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), s -> stopRequested.countDown());

        Server server = serverModel.create(config);
        InetSocketAddress address;
        try {
            address = server.start();
        } catch (IOException e) {
            // a start that cannot bind releases what it made (ServerLifecycle); what is left to say is why
            System.err.println("netarena serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.UNDECIDED;
        }
        String exposed = exposureWarning(address.getAddress());
        if (exposed != null) {
            LOG.log(System.Logger.Level.WARNING, exposed);
        }
        // Logged before the listening line, not after: the first record sets up the log handlers and loads the
        // time-zone rules for its timestamp, which opens files. Once clients may connect, the descriptors can run
        // out (the fault suite's ulimit scenario), and a logging that is not set up yet would lose the very
        // warning that reports it.
        LOG.log(System.Logger.Level.INFO, "{0} serving {1} with {2}", serverModel.label(), protocol, config);
        MetricsEndpoint metrics;
        try {
            metrics = metrics(server, address, serverModel);
        } catch (IOException e) {
            server.stop(Duration.ZERO);
            System.err.println("netarena serve: " + e.getMessage());
            return ExitCodes.UNDECIDED;
        }
        System.out.println("listening on " + hostPort(address));
        System.out.flush();

        stopRequested.await();
        stop(server, metrics);
        return 0;
    }

    private void stop(Server server, MetricsEndpoint metrics) {
        LOG.log(System.Logger.Level.INFO, "stopping: grace period {0}", Durations.format(grace));
        server.stop(grace);
        ServerStats.Snapshot stats = server.stats();
        LOG.log(System.Logger.Level.INFO, "stopped: {0}", stats);
        // The launcher that started this JVM reads the service time from this line (StatsLine owns the format).
        System.err.println(StatsLine.format(stats));
        System.err.flush();
        if (metrics != null) {
            metrics.close();
        }
    }

    private ServerModel serverModel() {
        try {
            return ServerModel.fromLabel(model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The endpoint --metrics-port asks for, bound to the server's own address; null without the option. */
    private MetricsEndpoint metrics(Server server, InetSocketAddress address, ServerModel serverModel)
            throws IOException {
        if (metricsPort == null) {
            return null;
        }
        MetricsEndpoint metrics = MetricsEndpoint.start(address.getAddress(), metricsPort, serverModel.label(),
                server::stats);
        LOG.log(System.Logger.Level.INFO, "metrics on http://{0}/metrics",
                hostPort(new InetSocketAddress(address.getAddress(), metrics.port())));
        return metrics;
    }

    /** The warning for a server bound where others can reach it, or null for a loopback address. */
    static String exposureWarning(InetAddress bound) {
        return bound.isLoopbackAddress() ? null : "bound to " + bound.getHostAddress() + ", which is not a loopback "
                + "address: anyone who can reach this host can load this server";
    }

    private static String hostPort(InetSocketAddress address) {
        InetAddress a = address.getAddress();
        String host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return host + ":" + address.getPort();
    }
}
