package netarena.results.report;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import netarena.results.jmh.JmhResult;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Manifest;
import netarena.results.run.Spread;

/**
 * summary.md, for a CI job summary or a pull-request comment: the machine in one line, per workload a
 * headline table (each model at its best setting and the focus connections) and the best model, then
 * every failed or invalid cell with its reasons, then JMH scores. GitHub-flavoured Markdown.
 */
final class MarkdownSummary {

    private MarkdownSummary() {
    }

    static String render(RunData data, List<ReportSection> extra) {
        StringBuilder md = new StringBuilder();
        md.append("## netarena ").append(data.manifest().map(Manifest::kind).orElse("run")).append(' ')
                .append(data.folder().runId()).append("\n\n");
        md.append(machine(data.manifest())).append("\n\n");
        boolean benchOnly = data.cells().isEmpty() && (data.jmh().isPresent() || data.capacityOnly());
        long ok = data.cells().stream().filter(CellSummary::ok).count();
        md.append(data.capacityOnly() ? "A capacity run." : benchOnly ? "A JMH run." : data.cells().size() + " cells: "
                + ok + " OK, " + (data.cells().size() - ok) + " not OK.");
        if (data.manifest().isPresent() && blank(data.manifest().get().finishedAt())) {
            md.append(" **The run did not finish**: these are the repetitions it completed.");
        }
        md.append("\n\n");
        for (String problem : data.problems()) {
            md.append("> ").append(cell(problem)).append("  \n");
        }
        if (!data.problems().isEmpty()) {
            md.append('\n');
        }
        data.byWorkload().forEach((workload, cells) -> workload(md, new WorkloadView(workload, cells)));
        List<CellSummary> bad = data.cells().stream().filter(c -> !c.ok()).toList();
        if (!benchOnly) {
            md.append("### Failed and invalid cells\n\n");
            if (bad.isEmpty()) {
                md.append("None: every cell is OK.\n\n");
            } else {
                md.append("| status | cell | OK reps | reasons |\n|---|---|--:|---|\n");
                for (CellSummary c : bad) {
                    md.append("| **").append(c.status()).append("** | `").append(c.key().id()).append("` | ")
                            .append(c.okRepetitions()).append('/').append(c.repetitions()).append(" | ")
                            .append(cell(c.reasons())).append(" |\n");
                }
                md.append('\n');
            }
        }
        data.jmh().ifPresent(results -> jmh(md, results));
        for (ReportSection s : extra) {
            if (!s.markdown().isBlank()) {
                md.append("### ").append(s.title()).append("\n\n").append(s.markdown().strip()).append("\n\n");
            }
        }
        md.append("Charts and every figure: `report.html` in the run folder.\n");
        return md.toString();
    }

    private static void workload(StringBuilder md, WorkloadView v) {
        int c = v.focusConnections();
        md.append("### ").append(v.workload()).append("\n\n");
        Optional<CellSummary> winner = v.winner();
        if (winner.isPresent()) {
            md.append(headline(v, winner.get())).append("\n\n");
            if (v.settingsVary()) {
                md.append(settings(v)).append("\n\n");
            }
        } else {
            md.append("No OK cell in this workload.\n\n");
        }
        md.append("| model | setting | req/s at ").append(c)
                .append(" conns (min\u2013max) | p50 \u00b5s | p99 \u00b5s | "
                + "p99.9 \u00b5s | CPU \u00b5s/req | KiB/conn | status |\n|---|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (String m : v.models()) {
            md.append("| ").append(m).append(" | ").append(v.best(m).label()).append(" | ");
            Optional<CellSummary> cell = v.focus(m);
            if (cell.isEmpty()) {
                md.append(" |  |  |  |  |  | not measured at ").append(c).append(" connections |\n");
                continue;
            }
            CellSummary s = cell.get();
            md.append(withRange(s.throughputPerSec())).append(" | ").append(Fmt.median(s.p50Micros())).append(" | ")
                    .append(Fmt.median(s.p99Micros())).append(" | ").append(Fmt.median(s.p999Micros())).append(" | ")
                    .append(Fmt.median(s.cpuMicrosPerRequest())).append(" | ")
                    .append(Fmt.median(s.memoryPerConnectionKb())).append(" | ")
                    .append(s.status() == CellStatus.OK ? "OK" : "**" + s.status() + "**: " + cell(s.reasons())).append(" |\n");
        }
        md.append('\n');
    }

    /**
     * The workload's headline: the highest throughput in closed loop, the lowest p99 (then p50) at the rate
     * in open loop; a GENERATOR_BOUND winner is named as such.
     */
    static String headline(WorkloadView v, CellSummary w) {
        String model = "**" + w.key().model() + "** (" + v.best(w.key().model()).label() + ", best of "
                + v.settingsOf(w.key().model()).size() + " setting" + (v.settingsOf(w.key().model()).size() == 1 ? "" : "s")
                + ")";
        String line = v.openLoop()
                ? "Lowest latency at " + Fmt.num(w.key().ratePerSec()) + " req/s: " + model + ", p99 "
                        + Fmt.median(w.p99Micros()) + " \u00b5s, p50 " + Fmt.median(w.p50Micros()) + " \u00b5s at "
                        + w.key().connections() + " connections."
                : "Best: " + model + ", " + Fmt.median(w.throughputPerSec()) + " req/s at " + w.key().connections()
                        + " connections, p99 " + Fmt.median(w.p99Micros()) + " \u00b5s (closed loop: from the actual "
                        + "send, not corrected).";
        return w.generatorBound() ? line + " **GENERATOR_BOUND**: the generator used at least "
                + Math.round(CellStatus.GENERATOR_BOUND_SHARE * 100) + "% of its cores, so this may be the generator's "
                + "ceiling rather than the server's." : line;
    }

    /** Every setting each model was measured at, with its peak median throughput: the best-setting choice in full. */
    static String settings(WorkloadView v) {
        StringBuilder sb = new StringBuilder("Settings measured (peak median req/s; the best is each model's "
                + "highest, so a model tried at more settings has more chances):");
        for (String m : v.models()) {
            sb.append("\n- ").append(m).append(" (").append(v.settingsOf(m).size()).append("): ");
            StringJoiner each = new StringJoiner(", ");
            v.settingsOf(m).forEach((s, t) -> each.add(s.label() + " " + (Double.isNaN(t) ? "not measured" : Fmt.num(t))));
            sb.append(each);
        }
        return sb.toString();
    }

    private static void jmh(StringBuilder md, List<JmhResult> results) {
        md.append("### JMH\n\n| benchmark | mode | score | \u00b1 error | unit | B/op |\n|---|---|--:|--:|---|--:|\n");
        for (JmhResult r : results) {
            md.append("| ").append(cell(r.label())).append(" | ").append(r.mode()).append(" | ")
                    .append(Fmt.num(r.primary().score())).append(" | ").append(Fmt.num(r.primary().scoreError()))
                    .append(" | ").append(r.primary().unit()).append(" | ")
                    .append(r.secondary("gc.alloc.rate.norm").map(m -> Fmt.num(m.score())).orElse("")).append(" |\n");
        }
        md.append('\n');
    }

    private static String machine(Optional<Manifest> manifest) {
        if (manifest.isEmpty() || manifest.get().environment() == null) {
            return "_Machine unknown: no readable manifest.json._";
        }
        Manifest m = manifest.get();
        Manifest.Environment e = m.environment();
        return e.jdk() + " on " + e.os() + " (kernel " + e.kernel() + "), " + e.cpuModel() + " \u00d7 " + e.cpuCount()
                + "; " + (blank(m.pinning()) ? "pinning unknown" : m.pinning()) + "; commit `" + m.gitCommit() + "`";
    }

    private static String withRange(Spread s) {
        String range = Fmt.range(s);
        return Fmt.median(s) + (range.isEmpty() ? "" : " (" + range + ")");
    }

    /** Text safe inside a table cell: no pipe, no line break. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\R", " ");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
