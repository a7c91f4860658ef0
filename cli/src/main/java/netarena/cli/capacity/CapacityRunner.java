package netarena.cli.capacity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import netarena.cli.sweep.CellMeasurement;
import netarena.cli.sweep.ServerUnderTest;
import netarena.load.Arrivals;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.PoolCapacity;
import netarena.results.capacity.PoolProbe;
import netarena.results.capacity.ProbeResult;
import netarena.results.capacity.SearchConfig;
import netarena.results.capacity.Slo;
import netarena.results.capacity.SloCapacity;
import netarena.results.run.CellKey;

/**
 * Measures the capacity questions against real servers, each in its own JVM started as the sweep
 * starts them (pinned, verified): the SLO search over one server, the closed-loop scaling over one
 * server, and the pool sizing over one server per pool size. This process is the load generator. The
 * decisions are the results module's ({@link SloCapacity}, {@link CapacityAnswer.ScalingAnswer#of},
 * {@link PoolCapacity}); this class only runs load. Runs on the calling thread.
 */
public final class CapacityRunner {

    /**
     * @param model            the I/O model
     * @param ioThreads        the server's --io-threads
     * @param workers          the server's --workers (the pool question sets its own)
     * @param op               the request: echo, cpu, delay or block
     * @param sizeBytes        its payload
     * @param arg              its argument
     * @param protocol         frame or http
     * @param rateConnections  connections that carry the open-loop probes
     * @param generatorThreads event loops of the generator
     * @param stepWarmup       the unrecorded first part of every step
     * @param step             the measured part of every step
     * @param serverWarmup     a closed-loop run, dropped, after each server starts
     * @param maxLag           the generator's send-lag and hiccup bound; past it a step is invalid
     */
    public record Settings(String model, int ioThreads, int workers, String op, int sizeBytes, long arg,
            String protocol, int rateConnections, int generatorThreads, Duration stepWarmup, Duration step,
            Duration serverWarmup, Duration maxLag) {

        CellKey cell(int workersOverride, int connections) {
            return new CellKey(model, ioThreads, workersOverride, connections, op, sizeBytes, arg, 0, protocol);
        }

        /**
         * e.g. {@code selector io-threads 1 workers 0, echo 64 B arg 0, frame}; with {@code poolSized} the
         * workers read "sized for the rate", as the pool question chooses them.
         */
        public String subject(boolean poolSized) {
            return String.format(Locale.ROOT, "%s io-threads %d workers %s, %s %d B arg %d, %s", model, ioThreads,
                    poolSized ? "sized for the rate" : Integer.toString(workers), op, sizeBytes, arg, protocol);
        }
    }

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
        try (ServerUnderTest server = start(settings.workers(), runDir.resolve("slo"),
                sut -> openLoop(sut).withRate(warmupRate, Arrivals.CONSTANT))) {
            LoadRateProbe probe = new LoadRateProbe(server, openLoop(server), Arrivals.CONSTANT,
                    runDir.resolve("slo").resolve("steps"), progress);
            return SloCapacity.measure(slo, text, search, probe, repeats, rechecks);
        }
    }

    /** Closed-loop throughput and mean latency at each connection count, fitted to the USL. */
    public CapacityAnswer.ScalingAnswer scaling(List<Integer> connections) throws IOException {
        progress.printf(Locale.ROOT, "netarena capacity: closed loop at %s connections%n", connections);
        List<CapacityAnswer.ClosedLoopPoint> points = new ArrayList<>();
        try (ServerUnderTest server = start(settings.workers(), runDir.resolve("scaling"),
                sut -> closedLoop(sut, Math.min(16, settings.rateConnections())))) {
            for (int n : connections) {
                LoadResult r = LoadGenerator.run(closedLoop(server, n).withWarmup(settings.stepWarmup())
                        .withDuration(settings.step()).withOutDir(runDir.resolve("scaling").resolve("c" + n)));
                String note = r.exitCode() == LoadResult.EXIT_OK ? "" : r.status() + ": " + (r.valid()
                        ? r.connectFailed() ? r.connectFailure() : r.errorTotal() + " errors " + r.errors()
                        : String.join("; ", r.invalidReasons()));
                CapacityAnswer.ClosedLoopPoint p = new CapacityAnswer.ClosedLoopPoint(n, r.okPerSecond(),
                        r.latency().getTotalCount() == 0 ? Double.NaN : r.latency().getMean(),
                        r.latency().getTotalCount() == 0 ? Double.NaN : r.latency().getValueAtPercentile(99),
                        note.isEmpty() && server.alive(), server.alive() ? note : "the server died");
                points.add(p);
                progress.printf(Locale.ROOT, "  %5d connections: %,.0f/s, mean %,.0f us%s%n", n, p.throughputPerSecond(),
                        p.meanLatencyMicros(), p.valid() ? "" : " (" + p.note() + ")");
                if (!server.alive()) {
                    break;
                }
            }
        }
        return CapacityAnswer.ScalingAnswer.of(points);
    }

    /**
     * A worker pool sized for {@code rate} and {@code slo}: the service time at {@code serviceRate} on a
     * server with {@code max(workers, 8)} workers, then a fresh server per pool size measured.
     */
    public CapacityAnswer.PoolAnswer pool(double rate, Slo slo, String text, double serviceRate) {
        progress.printf(Locale.ROOT, "netarena capacity: worker pool for %,.0f/s at %s%n", rate, text);
        return PoolCapacity.measure(rate, slo, text, serviceRate, new PoolProbe() {
            @Override
            public double serviceMeanMicros(double ratePerSecond) {
                Path dir = runDir.resolve("pool").resolve("service-time");
                long rate = Math.max(1, Math.round(ratePerSecond));
                try (ServerUnderTest server = start(Math.max(settings.workers(), 8), dir,
                        sut -> openLoop(sut).withRate(rate, Arrivals.CONSTANT))) {
                    Duration duration = settings.step().compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5)
                            : settings.step();
                    LoadResult r = LoadGenerator.run(openLoop(server).withRate(rate, Arrivals.CONSTANT)
                            .withDuration(duration).withOutDir(dir.resolve("load")));
                    double mean = r.exitCode() == LoadResult.EXIT_OK && r.serviceTime().getTotalCount() > 0
                            ? r.serviceTime().getMean() : Double.NaN;
                    progress.printf(Locale.ROOT, "  service time at %,.0f/s: mean %,.0f us (%s)%n", ratePerSecond, mean,
                            r.status());
                    return mean;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public ProbeResult measure(int workers, double ratePerSecond, double quantile) {
                Path dir = runDir.resolve("pool").resolve("workers-" + workers);
                progress.printf(Locale.ROOT, "  %d workers, Poisson arrivals at %,.0f/s%n", workers, ratePerSecond);
                long rate = Math.max(1, Math.round(ratePerSecond));
                try (ServerUnderTest server = start(workers, dir, sut -> openLoop(sut).withRate(rate, Arrivals.POISSON))) {
                    return new LoadRateProbe(server, openLoop(server), Arrivals.POISSON, dir, progress)
                            .probe(ratePerSecond, quantile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /**
     * Starts and verifies a server with {@code workers}, then runs {@code warmup} against it for the
     * server warmup and drops the figures: the load the steps will offer, so both the server's JIT and
     * the generator's (an open-loop run takes other paths than a closed one) are warm for the first step.
     */
    private ServerUnderTest start(int workers, Path dir, Function<ServerUnderTest, LoadPlan> warmup)
            throws IOException {
        ServerUnderTest server = ServerUnderTest.start(setup, settings.cell(workers, settings.rateConnections()), dir);
        if (!settings.serverWarmup().isZero()) {
            LoadGenerator.run(warmup.apply(server).withWarmup(Duration.ZERO).withDuration(settings.serverWarmup())
                    .withOutDir(null));
        }
        return server;
    }

    private LoadPlan base(ServerUnderTest server, int connections) {
        return LoadPlan.to(server.address().getHostString(), server.address().getPort())
                .withProtocol(WireProtocol.fromLabel(settings.protocol()))
                .withConnections(connections, Math.min(settings.generatorThreads(), connections))
                .withRequest(Op.fromLabel(settings.op()), settings.sizeBytes(), settings.arg())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withMaxLag(settings.maxLag());
    }

    private LoadPlan closedLoop(ServerUnderTest server, int connections) {
        return base(server, connections);
    }

    /** The open-loop step template: warmup and measured seconds set, the rate set by each probe. */
    private LoadPlan openLoop(ServerUnderTest server) {
        return base(server, settings.rateConnections()).withWarmup(settings.stepWarmup()).withDuration(settings.step());
    }
}
