package netarena.experiments.cell;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import netarena.experiments.workload.LoadPlans;
import netarena.experiments.workload.Workload;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;

/**
 * Before a cell is measured, its server must answer every op correctly (as the TechEmpower benchmarks
 * verify before they measure). A server that fails is reported failed, never measured: a fast wrong
 * answer is not a result.
 */
final class VerifyGate {

    /** Each op with a small argument; the generator checks every answer (echo bytes, CPU result). */
    private static final List<Check> CHECKS = List.of(
            new Check(Op.ECHO, 100, 0),
            new Check(Op.ECHO, 70_000, 0),
            new Check(Op.CPU, 0, 1_000),
            new Check(Op.DELAY, 0, 1_000),
            new Check(Op.BLOCK, 0, 1_000));
    private static final int REQUESTS_PER_CHECK = 20;
    /** A check that takes longer than this fails: 20 requests of at most a millisecond's work each. */
    private static final Duration CHECK_TIME_CAP = Duration.ofSeconds(10);

    private record Check(Op op, int sizeBytes, long arg) {
    }

    private VerifyGate() {
    }

    /**
     * Null when the server passed, else what it got wrong. One connection: a thread-per-client pool of one
     * must pass too (a second connection would wait for the first, by design).
     */
    static String failure(InetSocketAddress server, WireProtocol protocol) {
        for (Check check : CHECKS) {
            LoadPlan plan = LoadPlans.check(server, new Workload(check.op(), check.sizeBytes(), check.arg(), protocol,
                    Workload.CLOSED_LOOP, 1), REQUESTS_PER_CHECK, CHECK_TIME_CAP);
            LoadResult result;
            try {
                result = LoadGenerator.run(plan);
            } catch (RuntimeException e) {
                return "verify " + check.op().label() + ": " + e.getMessage();
            }
            if (result.connectFailed()) {
                return "verify " + check.op().label() + ": cannot connect: " + result.connectFailure();
            }
            if (result.errorTotal() > 0 || result.requests().ok() < REQUESTS_PER_CHECK) {
                return "verify " + check.op().label() + ": " + result.requests().ok() + " of " + REQUESTS_PER_CHECK
                        + " answers right, errors " + result.errors()
                        + (result.mismatchSamples().isEmpty() ? "" : ", e.g. " + result.mismatchSamples().get(0));
            }
        }
        return null;
    }
}
