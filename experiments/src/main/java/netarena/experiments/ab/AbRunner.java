package netarena.experiments.ab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.run.Progress;
import netarena.results.run.CellKey;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;

/**
 * Measures one plan for two builds into two run folders with the same cells, in {@link AbOrder}: the
 * generator (this process) and every other setting the same, only the server jar and its extra
 * arguments differ by side. Each repetition is appended to its side's folder as it ends, so a stopped
 * run keeps what it measured. Runs on the calling thread.
 */
public final class AbRunner {

    private final List<CellKey> cells;
    private final int repeat;
    private final long seed;
    private final CellMeasurement.Setup setup;
    private final Map<Side, ServerBuild> builds;
    private final PrintStream progress;

    public AbRunner(List<CellKey> cells, int repeat, long seed, CellMeasurement.Setup setup,
            Map<Side, ServerBuild> builds, PrintStream progress) {
        this.cells = List.copyOf(cells);
        this.repeat = repeat;
        this.seed = seed;
        this.setup = setup;
        this.builds = Map.copyOf(builds);
        this.progress = progress;
    }

    /**
     * Measures everything; {@code runs} holds each side's folder, whose manifest the caller has written.
     * First, one measurement of the first cell on the baseline side is made into {@code scratch} and
     * dropped: the generator is this JVM, and its own JIT would otherwise make the very first
     * measurement of the run slower than the rest, on whichever side happened to come first.
     */
    public void run(Map<Side, RunFolder> runs, Path scratch) throws IOException {
        List<AbOrder.Measurement> order = AbOrder.order(cells, repeat, seed);
        if (!order.isEmpty()) {
            AbOrder.Measurement first = order.get(0);
            ServerBuild build = builds.get(Side.BASELINE);
            progress.printf(Locale.ROOT, "[warmup] %s, dropped: warms the generator's JIT%n", first.cell().id());
            CellMeasurement.measure(setup.forServer(build.jar(), build.serverArgs()), first.cell(), 1, 0,
                    Files.createDirectories(scratch.resolve(first.cell().id())), scratch);
        }
        long start = System.nanoTime();
        for (int i = 0; i < order.size(); i++) {
            AbOrder.Measurement m = order.get(i);
            RunFolder run = runs.get(m.side());
            ServerBuild build = builds.get(m.side());
            progress.printf(Locale.ROOT, "[%d/%d] %-9s %s rep %d  (elapsed %s%s)%n", i + 1, order.size(),
                    run.dir().getFileName(), m.cell().id(), m.repetition(), Progress.elapsed(start),
                    Progress.eta(start, i, order.size()));
            Repetition r = CellMeasurement.measure(setup.forServer(build.jar(), build.serverArgs()), m.cell(),
                    m.repetition(), i + 1, run.repetitionDir(m.cell(), m.repetition()), run.dir());
            run.appendRepetition(r);
            progress.printf(Locale.ROOT, "          %s%n", Progress.describe(r));
        }
        for (RunFolder run : runs.values()) {
            run.writeResults();
        }
    }
}
