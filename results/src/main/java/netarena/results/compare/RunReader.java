package netarena.results.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import netarena.results.jmh.JmhJson;
import netarena.results.jmh.JmhResult;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Repetition;
import netarena.results.run.Rows;
import netarena.results.run.RunFolder;

/**
 * Reads a run folder for {@code compare}: a sweep's {@code repetitions.csv} (one value per OK
 * repetition and metric) and a bench run's {@code jmh.json} (one value per fork: its median
 * measurement iteration).
 * A folder with neither, or whose files hold nothing readable, is an {@link IllegalArgumentException}
 * naming the folder: that is invalid input, not a comparison.
 */
public final class RunReader {

    private RunReader() {
    }

    public static ComparableRun read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a run folder (no such directory): " + dir);
        }
        Path repetitions = dir.resolve(RunFolder.REPETITIONS);
        Path jmh = dir.resolve(RunFolder.JMH);
        if (!Files.isRegularFile(repetitions) && !Files.isRegularFile(jmh)) {
            throw new IllegalArgumentException(dir + " has neither " + RunFolder.REPETITIONS + " (a sweep) nor "
                    + RunFolder.JMH + " (a bench run): nothing to compare");
        }
        List<Subject> subjects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        if (Files.isRegularFile(repetitions)) {
            Rows<Repetition> rows = RunFolder.open(dir).readRepetitions();
            problems.addAll(rows.problems());
            if (rows.rows().isEmpty()) {
                throw new IllegalArgumentException(repetitions + " has no readable repetition"
                        + (rows.problems().isEmpty() ? "" : ": " + rows.problems().get(0)));
            }
            subjects.addAll(sweepSubjects(rows.rows()));
            kinds.add("sweep");
        }
        if (Files.isRegularFile(jmh)) {
            try {
                subjects.addAll(jmhSubjects(JmhJson.read(jmh)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(jmh + " could not be read: " + e.getMessage(), e);
            }
            kinds.add("jmh");
        }
        return new ComparableRun(dir.getFileName().toString(), dir, String.join("+", kinds), subjects, problems);
    }

    /** One subject per cell; its status and reasons as {@link CellSummary} gives them. */
    static List<Subject> sweepSubjects(List<Repetition> repetitions) {
        Map<CellKey, List<Repetition>> byCell = new LinkedHashMap<>();
        repetitions.forEach(r -> byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r));
        List<Subject> subjects = new ArrayList<>();
        byCell.entrySet().stream().sorted(Map.Entry.comparingByKey(CellSummary.KEY_ORDER)).forEach(e -> {
            CellKey key = e.getKey();
            CellSummary summary = CellSummary.of(key, e.getValue());
            List<Repetition> ok = e.getValue().stream().filter(r -> r.status().measured())
                    .sorted(java.util.Comparator.comparingInt(Repetition::repetition)).toList();
            Map<Metric, double[]> values = new LinkedHashMap<>();
            Map<Metric, int[]> units = new LinkedHashMap<>();
            if (!key.openLoop()) {
                known(ok, Metric.THROUGHPUT, Repetition::throughputPerSec, values, units);
            }
            known(ok, Metric.P50, Repetition::p50Micros, values, units);
            known(ok, Metric.P99, Repetition::p99Micros, values, units);
            known(ok, Metric.P999, Repetition::p999Micros, values, units);
            known(ok, Metric.CPU_PER_REQUEST, r -> r.cost() == null ? Double.NaN : r.cost().cpuMicrosPerRequest(),
                    values, units);
            subjects.add(new Subject(key.id(), summary.status(), summary.reasons(), values, units, ok.size()));
        });
        return subjects;
    }

    /**
     * One subject per benchmark and mode: its primary score and, where -prof gc ran, bytes per op, one
     * value per fork ({@link JmhForks}). Iterations of one fork share a JIT compilation and a heap
     * layout, so they are not independent draws; the fork is the unit.
     */
    static List<Subject> jmhSubjects(List<JmhResult> results) {
        List<Subject> subjects = new ArrayList<>();
        for (JmhResult r : results) {
            Map<Metric, double[]> values = new LinkedHashMap<>();
            double[] scores = JmhForks.forkValues(r.primary());
            values.put(Metric.jmhScore(r.mode(), r.primary().unit()), scores);
            r.secondary("gc.alloc.rate.norm").ifPresent(m -> values.put(Metric.JMH_ALLOCATION, JmhForks.forkValues(m)));
            CellStatus status = scores.length == 0 ? CellStatus.INVALID : CellStatus.OK;
            String reason = scores.length == 0 ? "no finite iteration score in jmh.json" : "";
            subjects.add(Subject.numbered(r.label() + " " + r.mode(), status, reason, values));
        }
        return subjects;
    }

    private static void known(List<Repetition> reps, Metric metric, ToDoubleFunction<Repetition> figure,
                              Map<Metric, double[]> values, Map<Metric, int[]> units) {
        List<Repetition> kept = reps.stream().filter(r -> {
            double v = figure.applyAsDouble(r);
            return Double.isFinite(v) && v >= 0;
        }).toList();
        values.put(metric, kept.stream().mapToDouble(figure).toArray());
        units.put(metric, kept.stream().mapToInt(Repetition::repetition).toArray());
    }
}
