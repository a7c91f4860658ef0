package netarena.results.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.CpuSplit;
import netarena.results.run.ServerCost;

/**
 * Run folders made up for the compare tests, written with {@link RunFolder}: every figure of a cell is
 * its given centre times a fixed jitter of at most 1%, so verdicts are known in advance.
 */
final class SyntheticRuns {

    /** Jitter per repetition: within plus or minus 1%, no two alike. */
    private static final double[] JITTER = {-0.010, 0.004, 0.000, 0.009, -0.005, 0.002, -0.007, 0.006, -0.002, 0.008};

    static final CellKey SELECTOR = new CellKey("selector", 1, 0, 16, "echo", 64, 0, 0, "frame");
    static final CellKey ASYNC = new CellKey("async", 1, 0, 16, "echo", 64, 0, 0, "frame");
    static final CellKey OPEN = new CellKey("selector", 1, 0, 32, "echo", 64, 0, 3000, "frame");

    /** The centres of one cell's figures. */
    record Figures(double throughput, double p50, double p99, double p999, double cpu) {

        Figures times(double tput, double p50x, double p99x, double p999x, double cpux) {
            return new Figures(throughput * tput, p50 * p50x, p99 * p99x, p999 * p999x, cpu * cpux);
        }
    }

    static final Figures BASE = new Figures(20_000, 400, 1_000, 2_000, 30);

    private final RunFolder run;
    private int order;

    private SyntheticRuns(RunFolder run) {
        this.run = run;
    }

    static SyntheticRuns create(Path root, String kind) throws IOException {
        return new SyntheticRuns(RunFolder.create(root, Instant.parse("2026-11-25T15:10:00Z"), kind));
    }

    Path dir() {
        return run.dir();
    }

    /** {@code reps} OK repetitions of {@code key} around {@code f}, numbered 1 to {@code reps}. */
    SyntheticRuns ok(CellKey key, int reps, Figures f) throws IOException {
        for (int n = 1; n <= reps; n++) {
            okRepetition(key, n, f);
        }
        return this;
    }

    /** OK repetition number {@code n} of {@code key} around {@code f}, with repetition n's jitter. */
    SyntheticRuns okRepetition(CellKey key, int n, Figures f) throws IOException {
        double j = 1 + JITTER[(n - 1) % JITTER.length];
        run.appendRepetition(new Repetition(key, n, ++order, CellStatus.OK, "", f.throughput() * j, f.p50() * j,
                f.p50() * 1.5 * j, f.p99() * j, f.p999() * j, f.p999() * 2, 10_000, 0,
                new ServerCost(new CpuSplit(f.cpu() * j, 0, 0, 0), CpuSplit.unknown(), 0.5, 90_000, 12, 4, Double.NaN,
                        Double.NaN),
                RunFolder.repetitionPath(key, n)));
        return this;
    }

    /** One repetition of {@code key} that is not OK. */
    SyntheticRuns notOk(CellKey key, int rep, CellStatus status, String reason) throws IOException {
        run.appendRepetition(new Repetition(key, rep, ++order, status, reason, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 3, ServerCost.unknown(), RunFolder.repetitionPath(key, rep)));
        return this;
    }
}
