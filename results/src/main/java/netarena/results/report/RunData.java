package netarena.results.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netarena.results.jmh.JmhJson;
import netarena.results.jmh.JmhResult;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Manifest;
import netarena.results.run.Repetition;
import netarena.results.run.Rows;
import netarena.results.run.RunFolder;

/**
 * Everything a report reads from a run folder, read once, with what was missing or damaged in
 * {@code problems} instead of an exception: a report of a half-finished run is still a report.
 *
 * @param manifest    empty when manifest.json is missing or unreadable
 * @param cells       the repetitions summarized per cell, in {@link CellSummary#KEY_ORDER}
 * @param jmh         empty when there is no (readable) jmh.json
 * @param problems    one sentence per missing file, skipped row or figure that cannot be known (an external
 *                    target's server-side figures)
 */
record RunData(RunFolder folder, Optional<Manifest> manifest, List<Repetition> repetitions,
        List<CellSummary> cells, Optional<List<JmhResult>> jmh, List<String> problems) {

    static RunData load(RunFolder folder) {
        List<String> problems = new ArrayList<>();
        Optional<Manifest> manifest = Optional.empty();
        if (!Files.isRegularFile(folder.dir().resolve(RunFolder.MANIFEST))) {
            problems.add("manifest.json is missing: the machine, JDK and settings that made these figures are "
                    + "unknown.");
        } else {
            try {
                manifest = Optional.of(folder.readManifest());
            } catch (IOException | RuntimeException e) {
                problems.add("manifest.json could not be read (" + oneLine(e) + "): the environment is unknown.");
            }
        }
        Rows<Repetition> reps = folder.readRepetitions();
        Path jmhFile = folder.jmhJson();
        boolean capacity = manifest.map(m -> "capacity".equals(m.kind())).orElse(false);
        boolean benchOnly = (Files.isRegularFile(jmhFile) || capacity)
                && !Files.exists(folder.dir().resolve(RunFolder.REPETITIONS));
        if (!benchOnly) {
            // a bench run has jmh.json and no sweep, a capacity run its own section: no repetitions.csv is no problem
            problems.addAll(reps.problems());
        }
        Optional<List<JmhResult>> jmh = Optional.empty();
        if (Files.isRegularFile(jmhFile)) {
            try {
                jmh = Optional.of(JmhJson.read(jmhFile));
            } catch (IOException | RuntimeException e) {
                problems.add("jmh.json could not be read: " + oneLine(e));
            }
        }
        List<CellSummary> cells = CellSummary.summarize(reps.rows());
        cells.stream().map(CellSummary::key).filter(CellKey::externalTarget).map(CellKey::model).distinct()
                .forEach(target -> problems.add(target + " is an external target, a server netarena did not start: "
                        + "its CPU per request, context switches, threads, peak RSS and memory per connection read "
                        + "n/a (they come from the server's own process); the generator's CPU is measured."));
        return new RunData(folder, manifest, reps.rows(), cells, jmh, List.copyOf(problems));
    }

    /** A capacity run: no sweep cells, its answer is an extra section. */
    boolean capacityOnly() {
        return cells.isEmpty() && manifest.map(m -> "capacity".equals(m.kind())).orElse(false);
    }

    /** The cells grouped by {@link netarena.results.run.CellKey#workload()}, in key order. */
    Map<String, List<CellSummary>> byWorkload() {
        Map<String, List<CellSummary>> m = new LinkedHashMap<>();
        for (CellSummary c : cells) {
            m.computeIfAbsent(c.key().workload(), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    /** The OK repetitions of one cell. */
    List<Repetition> okRepetitions(CellSummary cell) {
        return repetitions.stream()
                .filter(r -> r.cell().equals(cell.key()) && r.status().measured())
                .toList();
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
