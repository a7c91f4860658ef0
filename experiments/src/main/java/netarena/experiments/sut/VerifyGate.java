package netarena.experiments.sut;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netarena.experiments.workload.LoadPlans;
import netarena.experiments.workload.Workload;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;

/**
 * Before a server is measured, it must answer every op correctly (as the TechEmpower benchmarks verify before
 * they measure); with a custom HTTP request ({@code --path}), that request, every answer 2xx and of the first
 * answer's body length. A server that fails is reported failed, never measured: a fast wrong answer is not a
 * result. Runs on the calling thread.
 */
public final class VerifyGate {

    /** Each op with a small argument; the generator checks every answer (echo bytes, CPU result). */
    private static final List<Check> CHECKS = List.of(
            new Check(Op.ECHO, 100, 0),
            new Check(Op.ECHO, 70_000, 0),
            new Check(Op.CPU, 0, 1_000),
            new Check(Op.DELAY, 0, 1_000),
            new Check(Op.BLOCK, 0, 1_000));
    /** A custom HTTP request is checked alone: its op is not sent (the generator's default fills the field). */
    private static final Check CUSTOM = new Check(Op.ECHO, 0, 0);
    private static final int REQUESTS_PER_CHECK = 20;
    /** A check that takes longer than this fails: 20 requests of at most a millisecond's work each. */
    private static final Duration CHECK_TIME_CAP = Duration.ofSeconds(10);

    private record Check(Op op, int sizeBytes, long arg) {
    }

    /**
     * What the gate found wrong.
     *
     * @param check       which check, e.g. {@code verify echo} or {@code verify GET /plaintext}
     * @param problem     what went wrong, e.g. {@code 3 of 20 answers right, ...}, or why no connection opened
     * @param unreachable true when the connection did not open: nothing listens there (exit 3 for a target)
     */
    public record Failure(String check, String problem, boolean unreachable) {

        /** e.g. {@code verify echo: cannot connect: ...}: the check and its problem in one line. */
        public String reason() {
            return check + ": " + (unreachable ? "cannot connect: " : "") + problem;
        }
    }

    private VerifyGate() {
    }

    /**
     * Null when the server at {@code server} passed, else what it got wrong. With a custom {@code http} request
     * that request is the one check; else every op, each on its route, with {@code http}'s extra headers. One
     * connection: a thread-per-client pool of one must pass too (a second connection would wait for the first,
     * by design).
     */
    public static Failure check(InetSocketAddress server, WireProtocol protocol, HttpRequestSpec http) {
        for (Check check : http.isCustom() ? List.of(CUSTOM) : CHECKS) {
            String what = "verify " + (http.isCustom() ? http.method() + " " + http.path() : check.op().label());
            LoadPlan plan = LoadPlans.check(server, new Workload(check.op(), check.sizeBytes(), check.arg(), protocol,
                    http, Workload.CLOSED_LOOP, 1), REQUESTS_PER_CHECK, CHECK_TIME_CAP);
            LoadResult result;
            try {
                result = LoadGenerator.run(plan);
            } catch (RuntimeException e) {
                return new Failure(what, e.getMessage(), false);
            }
            if (result.connectFailed()) {
                return new Failure(what, result.connectFailure(), true);
            }
            if (result.errorTotal() > 0 || result.requests().ok() < REQUESTS_PER_CHECK) {
                return new Failure(what, result.requests().ok() + " of " + REQUESTS_PER_CHECK
                        + " answers right, errors " + result.errors()
                        + (result.mismatchSamples().isEmpty() ? "" : ", e.g. " + result.mismatchSamples().get(0)),
                        false);
            }
        }
        return null;
    }

    /**
     * Starts {@code sut}'s server for {@code cell} and puts it through the gate. Fails with the reason, the
     * server stopped, when it does not start or answers any check wrongly.
     */
    public static ServerRun startVerified(ServerUnderTest sut, CellKey cell, HttpRequestSpec http, Path dir)
            throws IOException {
        ServerRun server = sut.start(cell, dir);
        Failure failure = check(server.address(), WireProtocol.fromLabel(cell.protocol()), http);
        if (failure != null) {
            server.close();
            throw new IOException("the server failed the verify gate: " + failure.reason() + "; see "
                    + server.whereToLook());
        }
        return server;
    }
}
