package netarena.cli.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Manifest;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;

/**
 * Runs a sweep plan: every measurement in randomized interleaved order, each appended to the run folder
 * as soon as it is done (a stopped sweep keeps what it measured), then {@code results.csv}.
 */
public final class SweepRunner {

    private final SweepPlan plan;
    private final List<CellKey> cells;
    private final CellMeasurement.Setup setup;
    private final PrintStream progress;

    public SweepRunner(SweepPlan plan, List<CellKey> cells, CellMeasurement.Setup setup, PrintStream progress) {
        this.plan = plan;
        this.cells = cells;
        this.setup = setup;
        this.progress = progress;
    }

    /** Measures everything into {@code run}, whose manifest the caller has written; returns the repetitions. */
    public List<Repetition> run(RunFolder run) throws IOException {
        List<Interleaving.Measurement> order = Interleaving.order(cells, plan.repeat(), plan.seed());
        long start = System.nanoTime();
        List<Repetition> done = new java.util.ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Interleaving.Measurement m = order.get(i);
            progress.printf(Locale.ROOT, "[%d/%d] %s rep %d  (elapsed %s%s)%n", i + 1, order.size(), m.cell().id(),
                    m.repetition(), format(Duration.ofNanos(System.nanoTime() - start)), eta(start, i, order.size()));
            Repetition r = CellMeasurement.measure(setup, m.cell(), m.repetition(), i + 1,
                    run.repetitionDir(m.cell(), m.repetition()), run.dir());
            run.appendRepetition(r);
            done.add(r);
            progress.printf(Locale.ROOT, "        %s%n", describe(r));
        }
        run.writeResults();
        return done;
    }

    /** An estimate from the mean time per measurement so far. */
    private static String eta(long start, int doneCount, int total) {
        if (doneCount == 0) {
            return "";
        }
        long perMeasurement = (System.nanoTime() - start) / doneCount;
        return ", about " + format(Duration.ofNanos(perMeasurement * (total - doneCount))) + " left";
    }

    private static String describe(Repetition r) {
        if (r.status() != CellStatus.OK) {
            return r.status() + ": " + r.reason();
        }
        return String.format(Locale.ROOT, "%,.0f req/s  p50 %.0f us  p99 %.0f us  cpu %.1f us/req", r.throughputPerSec(),
                r.p50Micros(), r.p99Micros(), r.cost().cpuMicrosPerRequest());
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** The manifest of a sweep about to run. */
    public static Manifest manifest(RunFolder run, String command, SweepPlan plan, Manifest.Environment environment,
            String gitCommit, Pinning pinning, List<String> serverJvmFlags, List<String> generatorJvmFlags,
            java.util.Map<String, String> knobs) {
        return new Manifest(run.runId(), "sweep", command, Instant.now().toString(), null, gitCommit,
                PlanReader.asMap(plan), environment, pinning.description(), serverJvmFlags, generatorJvmFlags, knobs);
    }
}
