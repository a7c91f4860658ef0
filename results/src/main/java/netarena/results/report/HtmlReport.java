package netarena.results.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Manifest;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no external reference) that
 * opens from disk or as a CI artifact. Top to bottom: the run and the machine that made it, notes on
 * missing data, the best model per workload, the cells that failed or were invalid, one section per
 * workload, JMH, and any extra sections (e.g. capacity).
 */
final class HtmlReport {

    private final RunData data;
    private final List<ReportSection> extra;
    private final FigureWriter figures = new FigureWriter();

    HtmlReport(RunData data, List<ReportSection> extra) {
        this.data = data;
        this.extra = extra;
    }

    /** Charts drawn by the last {@link #render()}. */
    int chartsDrawn() {
        return figures.drawn();
    }

    String render() {
        List<WorkloadView> views = data.byWorkload().entrySet().stream()
                .map(e -> new WorkloadView(e.getKey(), e.getValue())).toList();
        List<String> allModels = data.cells().stream().map(c -> c.key().model()).distinct()
                .sorted(WorkloadView::compareModels).toList();
        StringBuilder body = new StringBuilder();
        List<String[]> toc = new ArrayList<>();
        toc.add(new String[] {"environment", "Environment"});
        body.append(environment());
        toc.add(new String[] {"overview", "Overview"});
        body.append(overview(views));
        for (int i = 0; i < views.size(); i++) {
            String id = "w" + (i + 1);
            toc.add(new String[] {id, views.get(i).workload()});
            body.append(new WorkloadSection(views.get(i), data, figures, allModels, id).html());
        }
        data.jmh().ifPresent(results -> {
            toc.add(new String[] {"jmh", "JMH benchmarks"});
            body.append(JmhSection.html(results, figures));
        });
        for (ReportSection s : extra) {
            toc.add(new String[] {s.id(), s.title()});
            body.append("<section id=\"").append(s.id()).append("\"><h2>").append(Html.esc(s.title()))
                    .append("</h2>\n").append(s.html()).append("\n</section>\n");
        }
        // notes last: drawing the charts is what finds unreadable histograms
        String notes = notes();
        if (!notes.isEmpty()) {
            toc.add(1, new String[] {"notes", "Notes"});
        }
        return page(toc, body, notes);
    }

    /** The whole page: header, table of contents, the sections with the notes before the overview, footer. */
    private String page(List<String[]> toc, StringBuilder body, String notes) {
        String title = "netarena " + data.manifest().map(Manifest::kind).orElse("run") + " " + data.folder().runId();
        StringBuilder page = new StringBuilder(64 * 1024 + body.length());
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append("</title>\n<style>").append(ReportCss.CSS)
                .append("</style></head>\n<body><main>\n<header><h1>").append(Html.esc(title)).append("</h1>")
                .append(subtitle()).append("</header>\n<nav><ol>");
        for (String[] t : toc) {
            page.append("<li><a href=\"#").append(t[0]).append("\">").append(Html.esc(t[1])).append("</a></li>");
        }
        page.append("</ol></nav>\n");
        int split = body.indexOf("<section id=\"overview\"");
        page.append(body, 0, split).append(notes).append(body, split, body.length());
        page.append("<footer>Written by <code>netarena report</code> from ")
                .append(Html.esc(data.folder().dir().toAbsolutePath().toString())).append(" at ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(data.cells().isEmpty() ? "." : ". Every figure is also in results.csv and repetitions.csv.")
                .append("</footer>\n</main></body></html>\n");
        return page.toString();
    }

    private String subtitle() {
        return data.manifest().map(m -> {
            String s = "<p class=\"sub\">" + Html.esc(nonEmpty(m.command(), "command unknown")) + "<br>started "
                    + Html.esc(nonEmpty(m.startedAt(), "at an unknown time"));
            if (m.finishedAt() == null || m.finishedAt().isBlank()) {
                s += ", <b>not finished</b> (a partial run: the figures are what it measured before it stopped)";
            } else {
                s += ", finished " + Html.esc(m.finishedAt()) + duration(m.startedAt(), m.finishedAt());
            }
            return s + "</p>";
        }).orElse("<p class=\"sub\">No manifest: how and where this run was made is unknown.</p>");
    }

    private String environment() {
        StringBuilder sb = new StringBuilder("<section id=\"environment\"><h2>Environment</h2>\n");
        if (data.manifest().isEmpty()) {
            return sb.append("<p class=\"warn\">No readable manifest.json: the machine, JDK, pinning and knobs "
                    + "that made these figures are unknown.</p>").append(planSummary()).append("</section>\n")
                    .toString();
        }
        Manifest m = data.manifest().get();
        Manifest.Environment env = m.environment();
        List<List<String>> rows = new ArrayList<>();
        if (env != null) {
            rows.add(row("JDK", env.jdk()));
            rows.add(row("OS", env.os()));
            rows.add(row("kernel", env.kernel()));
            rows.add(row("CPU", nonEmpty(env.cpuModel(), "unknown model") + " \u00d7 " + env.cpuCount()));
            rows.add(row("memory", Fmt.bytes(env.memoryBytes())));
        } else {
            rows.add(row("machine", "unknown (the manifest has no environment)"));
        }
        rows.add(row("pinning", m.pinning()));
        rows.add(row("git commit", m.gitCommit()));
        rows.add(row("server JVM flags", flags(m.serverJvmFlags())));
        rows.add(row("generator JVM flags", flags(m.generatorJvmFlags())));
        if (m.knobs() != null && !m.knobs().isEmpty()) {
            rows.add(List.of("knobs", "<ul class=\"kv\">" + m.knobs().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> "<li><code>" + Html.esc(e.getKey()) + "</code> = " + Html.esc(e.getValue()) + "</li>")
                    .collect(Collectors.joining()) + "</ul>"));
        } else {
            rows.add(row("knobs", "none recorded"));
        }
        if (m.plan() != null && !m.plan().isEmpty()) {
            rows.add(List.of("plan", "<ul class=\"kv\">" + m.plan().entrySet().stream()
                    .map(e -> "<li><code>" + Html.esc(e.getKey()) + "</code>: " + Html.esc(clip(String.valueOf(
                            e.getValue()))) + "</li>").collect(Collectors.joining()) + "</ul>"));
        }
        sb.append(Html.table("env", List.of("", ""), rows).replace("<thead><tr><th></th><th></th></tr></thead>", ""));
        return sb.append(planSummary()).append("</section>\n").toString();
    }

    private String planSummary() {
        if (data.capacityOnly()) {
            return "<p>A capacity run: no sweep cells, the answer is in the capacity section below.</p>";
        }
        if (data.cells().isEmpty()) {
            return data.jmh().isPresent() ? "<p>A JMH run: no sweep cells, the benchmarks are below.</p>"
                    : "<p class=\"warn\">This run holds no measured repetition.</p>";
        }
        String models = data.cells().stream().map(c -> c.key().model()).distinct()
                .sorted(WorkloadView::compareModels).collect(Collectors.joining(", "));
        String conns = data.cells().stream().map(c -> c.key().connections()).distinct().sorted()
                .map(String::valueOf).collect(Collectors.joining(", "));
        return "<p>Measured: " + data.cells().size() + " cells in " + data.byWorkload().size() + " workloads, "
                + data.repetitions().size() + " repetitions; models " + Html.esc(models) + "; connections "
                + Html.esc(conns) + ".</p>";
    }

    private String notes() {
        List<String> all = new ArrayList<>(data.problems());
        all.addAll(figures.notes());
        if (all.isEmpty()) {
            return "";
        }
        return "<section id=\"notes\"><h2>Notes</h2><ul class=\"notes\">"
                + all.stream().distinct().map(n -> "<li>" + Html.esc(n) + "</li>").collect(Collectors.joining())
                + "</ul></section>\n";
    }

    private String overview(List<WorkloadView> views) {
        StringBuilder sb = new StringBuilder("<section id=\"overview\"><h2>Overview</h2>\n");
        if (data.capacityOnly()) {
            return sb.append("<p>A capacity run: no sweep cells. See <a href=\"#capacity\">Capacity</a>.</p></section>\n")
                    .toString();
        }
        if (data.cells().isEmpty() && data.jmh().isPresent()) {
            return sb.append("<p>A JMH run: no sweep cells. See <a href=\"#jmh\">JMH benchmarks</a>.</p></section>\n")
                    .toString();
        }
        long ok = data.cells().stream().filter(CellSummary::ok).count();
        long failed = data.cells().stream().filter(c -> c.status() == CellStatus.FAILED).count();
        long invalid = data.cells().stream().filter(c -> c.status() == CellStatus.INVALID).count();
        long bound = data.cells().stream().filter(CellSummary::generatorBound).count();
        sb.append("<p class=\"counts\"><span class=\"badge ok\">").append(ok).append(" OK</span> ")
                .append("<span class=\"badge failed\">").append(failed).append(" FAILED</span> ")
                .append("<span class=\"badge invalid\">").append(invalid).append(" INVALID</span> ")
                .append(bound == 0 ? "" : "(" + bound + " of the OK are GENERATOR_BOUND) ").append("of ")
                .append(data.cells().size()).append(" cells</p>\n");
        if (!views.isEmpty()) {
            sb.append(bestPerWorkload(views));
        }
        sb.append(problems());
        return sb.append("</section>\n").toString();
    }

    /** The headline table: each workload's winner, by throughput in closed loop and by p99 at the rate in open. */
    private static String bestPerWorkload(List<WorkloadView> views) {
        LatencyUnit unit = LatencyUnit.forMax(views.stream().flatMap(v -> v.winner().stream())
                .mapToDouble(c -> c.p99Micros().max()).filter(Double::isFinite).max().orElse(0));
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadView v : views) {
            rows.add(v.winner().map(c -> List.of(Html.esc(v.workload()), winnerCell(v, c),
                    String.valueOf(c.key().connections()), WorkloadSection.figure(c.throughputPerSec()),
                    WorkloadSection.figure(c.p99Micros(), unit), WorkloadSection.figure(c.cpuMicrosPerRequest())))
                    .orElse(List.of(Html.esc(v.workload()), "<span class=\"reason\">no OK cell</span>", "", "",
                            "", "")));
        }
        return "<h3>Best model per workload</h3>" + Html.table("fig", List.of("workload",
                "best (closed loop: throughput; open loop: p99 at the rate)", " conns", " req/s",
                " p99 " + unit.symbol(), " CPU \u00b5s/req"), rows);
    }

    /** The winner's name, how many settings it was best of, and a generator-bound cell's warning. */
    private static String winnerCell(WorkloadView v, CellSummary c) {
        return "<b>" + Html.esc(c.key().model()) + "</b> <small>" + Html.esc(v.best(c.key().model()).label())
                + ", best of " + v.settingsOf(c.key().model()).size() + "; "
                + (v.openLoop() ? "lowest p99 at the rate" : "highest throughput") + "</small>"
                + (c.generatorBound() ? " " + WorkloadSection.badge(c) + " <span class=\"reason\">the generator "
                + "used at least " + Math.round(CellStatus.GENERATOR_BOUND_SHARE * 100) + "% of its cores: this may "
                + "be its ceiling</span>" : "");
    }

    private String problems() {
        List<List<String>> bad = new ArrayList<>();
        for (CellSummary c : data.cells()) {
            if (!c.ok()) {
                bad.add(List.of(WorkloadSection.badge(c), "<code>" + Html.esc(c.key().id()) + "</code>",
                        c.okRepetitions() + "/" + c.repetitions(), "<span class=\"reason\">"
                        + Html.esc(c.reasons()) + "</span>"));
            }
        }
        return "<h3 id=\"problems\">Failed and invalid cells</h3>" + (bad.isEmpty()
                ? "<p>None: every cell is OK.</p>"
                : Html.table("fig", List.of("status", "cell", " OK reps", "reasons"), bad));
    }

    private static List<String> row(String name, String value) {
        return List.of(Html.esc(name), value == null || value.isBlank() ? "<i>unknown</i>" : Html.esc(value));
    }

    private static String flags(List<String> flags) {
        return flags == null ? null : flags.isEmpty() ? "none" : String.join(" ", flags);
    }

    private static String nonEmpty(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }

    private static String clip(String s) {
        return s.length() <= 240 ? s : s.substring(0, 237) + "...";
    }

    private static String duration(String start, String end) {
        try {
            Duration d = Duration.between(Instant.parse(start), Instant.parse(end));
            return " (" + d.toMinutes() + " min " + d.toSecondsPart() + " s)";
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }
}
