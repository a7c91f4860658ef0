package netarena.experiments.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.run.Progress;
import netarena.experiments.run.RunStart;
import netarena.results.run.CellKey;
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
        List<Repetition> done = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Interleaving.Measurement m = order.get(i);
            progress.printf(Locale.ROOT, "[%d/%d] %s rep %d  (elapsed %s%s)%n", i + 1, order.size(), m.cell().id(),
                    m.repetition(), Progress.elapsed(start), Progress.eta(start, i, order.size()));
            Repetition r = CellMeasurement.measure(setup, m.cell(), m.repetition(), i + 1,
                    run.repetitionDir(m.cell(), m.repetition()), run.dir());
            run.appendRepetition(r);
            done.add(r);
            progress.printf(Locale.ROOT, "        %s%n", Progress.describe(r));
        }
        run.writeResults();
        return done;
    }

    /** The manifest of a sweep about to run. */
    public static Manifest manifest(RunStart start, String command, SweepPlan plan, Map<String, String> knobs) {
        return start.manifest(start.run().runId(), "sweep", command, PlanReader.asMap(plan), knobs);
    }
}
