package netarena.cli.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netarena.load.Arrivals;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Repetition;
import netarena.results.run.ServerCost;

/**
 * One measurement of one cell: a fresh server JVM, the verify gate, a warmup run, then the measured run
 * with the server's /proc counters read before and after it.
 */
public final class CellMeasurement {

    /**
     * @param java       the java binary for the server JVM
     * @param jar        netarena.jar
     * @param jvmFlags   the server JVM's flags
     * @param pinning    where the server may run
     * @param warmup     warmup before each measured run
     * @param duration   the measured run
     * @param generatorThreads event loops of the generator
     * @param serverArgs extra arguments of {@code netarena serve}, after the cell's own (e.g. {@code ab}'s
     *                   {@code --candidate-server-args}); empty for a sweep
     */
    public record Setup(Path java, Path jar, List<String> jvmFlags, Pinning pinning, Duration warmup, Duration duration,
            int generatorThreads, List<String> serverArgs) {

        public Setup {
            serverArgs = List.copyOf(serverArgs);
        }

        /** A setup without extra server arguments. */
        public Setup(Path java, Path jar, List<String> jvmFlags, Pinning pinning, Duration warmup, Duration duration,
                int generatorThreads) {
            this(java, jar, jvmFlags, pinning, warmup, duration, generatorThreads, List.of());
        }

        /** The same setup serving from another build's jar with other extra arguments (one side of an A/B run). */
        public Setup forServer(Path otherJar, List<String> otherServerArgs) {
            return new Setup(java, otherJar, jvmFlags, pinning, warmup, duration, generatorThreads, otherServerArgs);
        }
    }

    private CellMeasurement() {
    }

    /** Measures one repetition of {@code cell} into {@code dir}, a folder of the run folder {@code runDir}. */
    public static Repetition measure(Setup setup, CellKey cell, int repetition, int order, Path dir, Path runDir)
            throws IOException {
        Files.createDirectories(dir);
        String resultDir = runDir.relativize(dir).toString();
        List<String> command = ServerProcess.command(setup.java(), setup.jar(), setup.jvmFlags(),
                setup.pinning().serverCpus(), cell, setup.serverArgs());
        Files.writeString(dir.resolve("server-command.txt"), String.join(" ", command) + "\n");
        try (ServerProcess server = ServerProcess.start(command, dir.resolve("server.log"))) {
            WireProtocol protocol = WireProtocol.fromLabel(cell.protocol());
            String verifyFailure = VerifyGate.failure(server.address(), protocol);
            if (verifyFailure != null) {
                return failed(cell, repetition, order, verifyFailure, resultDir);
            }
            ProcStats idle = ProcStats.read(server.pid());
            LoadPlan plan = plan(setup, cell, server, protocol);
            if (!setup.warmup().isZero()) {
                LoadGenerator.run(plan.withDuration(setup.warmup()));
            }
            LoadResult result;
            ServerCost cost;
            try (ProcSampler sampler = new ProcSampler(server.pid())) {
                ProcStats before = ProcStats.read(server.pid());
                long switchesBefore = sampler.contextSwitches();
                result = LoadGenerator.run(plan.withOutDir(dir));
                ProcStats after = ProcStats.read(server.pid());
                long switchesAfter = sampler.contextSwitches();
                sampler.close();
                // -1 stays -1: once /proc could not say, the sampler never knows again
                long switches = switchesAfter < 0 ? -1 : switchesAfter - switchesBefore;
                cost = cost(idle, before, after, switches, sampler, result.requests().ok(), cell.connections());
            }
            if (!server.alive()) {
                return failed(cell, repetition, order, "the server process died during the run; see server.log",
                        resultDir);
            }
            return repetition(cell, repetition, order, result, cost, resultDir);
        } catch (IOException | RuntimeException e) {
            return failed(cell, repetition, order, e.getMessage(), resultDir);
        }
    }

    private static LoadPlan plan(Setup setup, CellKey cell, ServerProcess server, WireProtocol protocol) {
        LoadPlan plan = LoadPlan.to(server.address().getHostString(), server.address().getPort())
                .withProtocol(protocol)
                .withConnections(cell.connections(), Math.min(setup.generatorThreads(), cell.connections()))
                .withRequest(Op.fromLabel(cell.op()), cell.sizeBytes(), cell.arg())
                .withDuration(setup.duration())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));
        return cell.openLoop() ? plan.withRate(Math.round(cell.ratePerSec()), Arrivals.CONSTANT) : plan;
    }

    /** @param switches context switches of the server during the run, every thread it had; -1 when unknown */
    private static ServerCost cost(ProcStats idle, ProcStats before, ProcStats after, long switches,
            ProcSampler sampler, long ok, int connections) {
        if (idle == null || before == null || after == null || ok == 0) {
            return ServerCost.unknown();
        }
        double cpuPerRequest = (after.cpuMicros() - before.cpuMicros()) / (double) ok;
        double switchesPerRequest = switches < 0 ? Double.NaN : switches / (double) ok;
        double rssPerConnection = Math.max(0, sampler.peakRssKb() - idle.rssKb()) / (double) connections;
        return new ServerCost(cpuPerRequest, switchesPerRequest, after.peakRssKb(), sampler.peakThreads(),
                rssPerConnection);
    }

    private static Repetition repetition(CellKey cell, int rep, int order, LoadResult r, ServerCost cost,
            String resultDir) {
        CellStatus status;
        String reason;
        if (r.connectFailed()) {
            status = CellStatus.FAILED;
            reason = "connect failed: " + r.connectFailure();
        } else if (!r.valid()) {
            status = CellStatus.INVALID;
            reason = String.join("; ", r.invalidReasons());
        } else if (r.errorTotal() > 0) {
            status = CellStatus.FAILED;
            reason = r.errorTotal() + " errors: " + r.errors();
        } else {
            status = CellStatus.OK;
            reason = "";
        }
        var h = r.latency();
        return new Repetition(cell, rep, order, status, reason, r.okPerSecond(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(), r.requests().ok(), r.errorTotal(), cost, resultDir);
    }

    private static Repetition failed(CellKey cell, int rep, int order, String reason, String resultDir) {
        return new Repetition(cell, rep, order, CellStatus.FAILED, reason, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, ServerCost.unknown(), resultDir);
    }
}
