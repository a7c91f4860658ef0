package netarena.experiments.capacity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.sut.ServerRun;
import netarena.experiments.sut.VerifyGate;
import netarena.experiments.workload.LoadPlans;
import netarena.experiments.workload.Workload;
import netarena.load.Arrivals;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.InFlight;
import netarena.results.capacity.Slo;
import netarena.results.run.CellKey;

/**
 * Measures the capacity questions against real servers, each in its own JVM started as the sweep
 * starts them (pinned, verified), or against an external target as it is (verified): the SLO search over one
 * server, the closed-loop scaling over one server, and the pool sizing over one server per pool size (launched
 * servers only: it sets their workers and reads their stop line). This process is the load generator. What to
 * probe next is the search drivers' ({@link SloCapacity}, {@link PoolCapacity}); the maths are the results
 * module's ({@link CapacityAnswer.ScalingAnswer#of}, Erlang C); this class runs load. Runs on the calling
 * thread.
 */
public final class CapacityRunner {

    /** The most of an SLO's latency the generator's max lag may be. */
    public static final double SLO_SHARE_OF_LAG = 0.10;
    /** Where a request is checked against the generator's rules before any server starts: never connected to. */
    private static final InetSocketAddress NOWHERE = InetSocketAddress.createUnresolved("localhost", 1);

    /**
     * @param model            the I/O model; or {@code target:HOST:PORT} ({@link CellKey#targetModel}) when the
     *                         server is an external target, whose io-threads and workers are then 0
     * @param ioThreads        the server's --io-threads
     * @param workers          the server's --workers (the pool question sets its own)
     * @param workerPool       the server's --worker-pool kind, for every question
     * @param op               the request: echo, cpu, delay or block
     * @param sizeBytes        its payload
     * @param arg              its argument
     * @param protocol         frame or http
     * @param http             over HTTP, the op's route or a custom request (any HTTP server), with its headers
     * @param rateConnections  connections that carry the open-loop probes
     * @param generatorThreads event loops of the generator
     * @param stepWarmup       the unrecorded first part of every step
     * @param step             the measured part of every step
     * @param serverWarmup     a closed-loop run, dropped, after each server starts
     * @param maxLag           the generator's send-lag and hiccup bound; past it a step is invalid (with
     *                         an SLO, at most {@link #SLO_SHARE_OF_LAG} of its latency: {@link #lagBoundedBy})
     * @param maxLagShare      the share of a step's latency p99 its send lag or hiccups may reach before it is
     *                         invalid (the generator's relative rule of open loop); 1 leaves {@code maxLag} alone
     */
    public record Settings(String model, int ioThreads, int workers, String workerPool, String op, int sizeBytes,
            long arg, String protocol, HttpRequestSpec http, int rateConnections, int generatorThreads,
            Duration stepWarmup, Duration step, Duration serverWarmup, Duration maxLag, double maxLagShare) {

        public Settings {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a model to launch, or target:HOST:PORT, must be given");
            }
            // the generator's own rules for the request (HTTP options need http, a request it can encode),
            // broken here and not after a server has started
            LoadPlans.plan(NOWHERE, workload(op, sizeBytes, arg, protocol, http, rateConnections), generatorThreads)
                    .withLimits(l -> l.withMaxLag(maxLag).withMaxLagShare(maxLagShare));
        }

        /** The request of every run, closed loop over the open-loop probes' connections until a run reshapes it. */
        Workload workload() {
            return workload(op, sizeBytes, arg, protocol, http, rateConnections);
        }

        private static Workload workload(String op, int sizeBytes, long arg, String protocol, HttpRequestSpec http,
                int connections) {
            return new Workload(Op.fromLabel(op), sizeBytes, arg, WireProtocol.fromLabel(protocol), http,
                    Workload.CLOSED_LOOP, connections);
        }

        /**
         * These settings with the generator's max lag at most a tenth of {@code slo}'s latency: a step whose
         * generator lagged more could pass or fail the SLO on the generator's account.
         */
        public Settings lagBoundedBy(Slo slo) {
            Duration tenth = Duration.ofNanos((long) (slo.latencyMicros() * 1_000 * SLO_SHARE_OF_LAG));
            return tenth.compareTo(maxLag) >= 0 ? this : new Settings(model, ioThreads, workers, workerPool, op,
                    sizeBytes, arg, protocol, http, rateConnections, generatorThreads, stepWarmup, step, serverWarmup,
                    tenth, maxLagShare);
        }

        CellKey cell(int workersOverride, int connections) {
            return new CellKey(model, ioThreads, workersOverride, workerPool, connections, op, sizeBytes, arg, 0,
                    protocol);
        }

        /**
         * e.g. {@code selector io-threads 1 workers 0 (fixed pool), echo 64 B arg 0, frame}, or
         * {@code target:127.0.0.1:8080, GET /plaintext, http}; with {@code poolSized} the workers read "sized for
         * the rate", as the pool question chooses them.
         */
        public String subject(boolean poolSized) {
            String server = cell(workers, rateConnections).externalTarget() ? model
                    : String.format(Locale.ROOT, "%s io-threads %d workers %s (%s pool)", model, ioThreads,
                            poolSized ? "sized for the rate" : Integer.toString(workers), workerPool);
            String request = http.isCustom()
                    ? http.method() + " " + http.path() + (http.bodyBytes() > 0 ? " body " + http.bodyBytes() + " B" : "")
                    : String.format(Locale.ROOT, "%s %d B arg %d", op, sizeBytes, arg);
            return server + ", " + request + ", " + protocol;
        }
    }

    /** The shortest run that measures the pool's service time: long enough for a stable mean at a low rate. */
    private static final Duration MIN_SERVICE_TIME_RUN = Duration.ofSeconds(5);
    /** Workers of the server whose service time sizes the pool: enough that nothing queues at the low rate. */
    private static final int SERVICE_TIME_MIN_WORKERS = 8;
    /** Connections of the scaling server's warmup, at most the open-loop probes'. */
    private static final int SCALING_WARMUP_CONNECTIONS = 16;

    private final Settings settings;
    private final CellMeasurement.Setup setup;
    private final Path runDir;
    private final PrintStream progress;

    public CapacityRunner(Settings settings, CellMeasurement.Setup setup, Path runDir, PrintStream progress) {
        this.settings = settings;
        this.setup = setup;
        this.runDir = runDir;
        this.progress = progress;
    }

    /**
     * The highest open-loop rate meeting {@code slo} (a failing step probed again {@code rechecks} times
     * before it counts), then {@code repeats} more probes at each end.
     */
    public CapacityAnswer.SloAnswer slo(Slo slo, String text, SearchConfig search, int repeats, int rechecks)
            throws IOException {
        progress.printf(Locale.ROOT, "netarena capacity: SLO %s, open loop over %d connections, from %,.0f/s%n", text,
                settings.rateConnections(), search.startRatePerSecond());
        long warmupRate = Math.max(1, Math.round(search.startRatePerSecond()));
        try (ServerRun server = start(settings.workers(), runDir.resolve("slo"),
                sut -> openLoop(sut, warmupRate, Arrivals.CONSTANT))) {
            LoadRateProbe probe = new LoadRateProbe(server::alive, rate -> openLoop(server, rate, Arrivals.CONSTANT),
                    runDir.resolve("slo").resolve("steps"), progress);
            return SloCapacity.measure(slo, text, search, probe, repeats, rechecks);
        }
    }

    /** Closed-loop throughput and mean latency at each connection count, fitted to the USL. */
    public CapacityAnswer.ScalingAnswer scaling(List<Integer> connections) throws IOException {
        progress.printf(Locale.ROOT, "netarena capacity: closed loop at %s connections%n", connections);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        try (ServerRun server = start(settings.workers(), runDir.resolve("scaling"),
                sut -> closedLoop(sut, Math.min(SCALING_WARMUP_CONNECTIONS, settings.rateConnections())))) {
            for (int n : connections) {
                points.add(point(server, n));
                if (!server.alive()) {
                    break;
                }
            }
        }
        return CapacityAnswer.ScalingAnswer.of(points);
    }

    /** One closed-loop step of the scaling question at {@code n} connections. */
    private CapacityAnswer.ClosedLoopPoint point(ServerRun server, int n) {
        LoadResult r = LoadGenerator.run(closedLoop(server, n).withBounds(b -> b.withWarmup(settings.stepWarmup()))
                .withBounds(b -> b.forDuration(settings.step())).withOutDir(runDir.resolve("scaling").resolve("c" + n)));
        String note = r.exitCode() == LoadResult.EXIT_OK ? "" : r.status() + ": " + (r.valid()
                ? r.connectFailed() ? r.connectFailure() : r.errorTotal() + " errors " + r.errors()
                : String.join("; ", r.invalidReasons()));
        CapacityAnswer.ClosedLoopPoint p = new CapacityAnswer.ClosedLoopPoint(n, r.okPerSecond(),
                r.latency().getTotalCount() == 0 ? Double.NaN : r.latency().getMean(),
                r.latency().getTotalCount() == 0 ? Double.NaN : r.latency().getValueAtPercentile(99),
                note.isEmpty() && server.alive(), server.alive() ? note : "the server died");
        progress.printf(Locale.ROOT, "  %5d connections: %,.0f/s, mean %,.0f us%s%n", n, p.throughputPerSecond(),
                p.meanLatencyMicros(), p.valid() ? "" : " (" + p.note() + ")");
        return p;
    }

    /**
     * A worker pool sized for {@code rate} and {@code slo}: the service time at {@code serviceRate} on a
     * server with {@code max(workers, 8)} workers, then a fresh server per pool size measured.
     */
    public CapacityAnswer.PoolAnswer pool(double rate, Slo slo, String text, double serviceRate) {
        progress.printf(Locale.ROOT, "netarena capacity: worker pool for %,.0f/s at %s%n", rate, text);
        return PoolCapacity.measure(rate, settings.workerPool(), slo, text, serviceRate, new ServerPoolProbe());
    }

    /** The pool question's measurements, each on a fresh server of the pool size asked. */
    private final class ServerPoolProbe implements PoolProbe {

        @Override
        public CapacityAnswer.ServiceTime serviceTime(double ratePerSecond) {
            Path dir = runDir.resolve("pool").resolve("service-time");
            long rate = Math.max(1, Math.round(ratePerSecond));
            double clientMean;
            ServerRun server = null;
            try (ServerRun sut = start(Math.max(settings.workers(), SERVICE_TIME_MIN_WORKERS), dir,
                    s -> openLoop(s, rate, Arrivals.CONSTANT))) {
                server = sut;
                Duration duration = settings.step().compareTo(MIN_SERVICE_TIME_RUN) < 0 ? MIN_SERVICE_TIME_RUN
                        : settings.step();
                LoadResult r = LoadGenerator.run(openLoop(sut, rate, Arrivals.CONSTANT)
                        .withBounds(b -> b.forDuration(duration)).withOutDir(dir.resolve("load")));
                clientMean = r.exitCode() == LoadResult.EXIT_OK && r.serviceTime().getTotalCount() > 0
                        ? r.serviceTime().getMean() : Double.NaN;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Read once the server has stopped: it writes its counters on the way out. They span its whole
            // life (the verify gate, the warm-up and this run, the last two at this low rate); the mean per
            // request of the op leaves the verify gate's few short requests out of the count.
            double serverMean = server.counters().map(c -> c.meanServiceMicros(opLabel()))
                    .orElse(Double.NaN);
            CapacityAnswer.ServiceTime t = CapacityAnswer.ServiceTime.of(clientMean, serverMean);
            progress.printf(Locale.ROOT, "  service time at %,.0f/s: server %,.0f us, client %,.0f us (sized on the "
                    + "%s's)%n", ratePerSecond, serverMean, clientMean, t.source());
            return t;
        }

        @Override
        public PoolProbe.Measurement measure(int workers, double ratePerSecond, double quantile) {
            Path dir = runDir.resolve("pool").resolve("workers-" + workers);
            progress.printf(Locale.ROOT, "  %d workers, Poisson arrivals at %,.0f/s%n", workers, ratePerSecond);
            long rate = Math.max(1, Math.round(ratePerSecond));
            LoadRateProbe.Step step;
            ServerRun server = null;
            try (ServerRun sut = start(workers, dir, s -> openLoop(s, rate, Arrivals.POISSON))) {
                server = sut;
                step = new LoadRateProbe(sut::alive, r -> openLoop(sut, r, Arrivals.POISSON), dir, progress)
                        .step(ratePerSecond, quantile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LoadResult load = step.load();
            double clientMean = load.serviceTime().getTotalCount() == 0 ? Double.NaN : load.serviceTime().getMean();
            InFlight inFlight = new InFlight(workers, load.okPerSecond(), clientMean,
                    server.counters().map(c -> c.meanServiceMicros(opLabel())).orElse(Double.NaN));
            progress.printf(Locale.ROOT, "  in flight: %.2f at the generator, %.2f on a worker (server)%n",
                    inFlight.generatorInFlight(), inFlight.serverInFlight());
            return new PoolProbe.Measurement(step.result(), inFlight);
        }
    }

    private String opLabel() {
        return Op.fromLabel(settings.op()).label();
    }

    /**
     * Starts and verifies a server with {@code workers}, then runs {@code warmup} against it for the
     * server warmup and drops the figures: the load the steps will offer, so both the server's JIT and
     * the generator's (an open-loop run takes other paths than a closed one) are warm for the first step.
     */
    private ServerRun start(int workers, Path dir, Function<ServerRun, LoadPlan> warmup) throws IOException {
        ServerRun server = VerifyGate.startVerified(setup.server(), settings.cell(workers, settings.rateConnections()),
                settings.http(), dir);
        if (!settings.serverWarmup().isZero()) {
            LoadGenerator.run(warmup.apply(server).withBounds(b -> b.withWarmup(Duration.ZERO)).withBounds(b -> b.forDuration(settings.serverWarmup()))
                    .withOutDir(null));
        }
        return server;
    }

    private LoadPlan plan(ServerRun server, Workload workload) {
        return LoadPlans.plan(server.address(), workload, settings.generatorThreads())
                .withLimits(l -> l.withMaxLag(settings.maxLag()).withMaxLagShare(settings.maxLagShare()));
    }

    private LoadPlan closedLoop(ServerRun server, int connections) {
        return plan(server, settings.workload().closedLoop(connections));
    }

    /** An open-loop step at {@code rate}: the step's warmup and measured seconds. */
    private LoadPlan openLoop(ServerRun server, long rate, Arrivals arrivals) {
        return plan(server, settings.workload().openLoop(settings.rateConnections(), rate, arrivals))
                .withBounds(b -> b.withWarmup(settings.stepWarmup())).withBounds(b -> b.forDuration(settings.step()));
    }
}
