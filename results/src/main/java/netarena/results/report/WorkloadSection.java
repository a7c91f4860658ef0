package netarena.results.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import netarena.results.run.CellSummary;
import netarena.results.run.Repetition;
import netarena.results.run.Spread;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One workload of the report: throughput vs connections, the latency spectrum, CPU per request,
 * throughput vs pool size and memory per connection, each beside a table of its exact figures, then
 * every cell of the workload. {@link WorkloadView} makes the choices the captions state.
 */
final class WorkloadSection {

    private final WorkloadView view;
    private final RunData data;
    private final FigureWriter figures;
    private final List<String> allModels;
    private final String id;
    private final TimelineFigures timelines;

    /**
     * @param allModels every model of the run in display order, so a model keeps its color in every workload
     * @param id        the section's anchor, e.g. {@code w1}
     */
    WorkloadSection(WorkloadView view, RunData data, FigureWriter figures, List<String> allModels, String id) {
        this.view = view;
        this.data = data;
        this.figures = figures;
        this.allModels = allModels;
        this.id = id;
        this.timelines = new TimelineFigures(this, view, data, figures);
    }

    String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<section class=\"workload\" id=\"").append(id).append("\"><h2>Workload: ")
                .append(Html.esc(view.workload())).append("</h2>\n");
        sb.append("<p class=\"lead\">").append(choices()).append("</p>\n");
        sb.append(throughputFigure());
        sb.append(spectrumFigure());
        sb.append(timelines.html(id));
        sb.append(cpuFigure());
        for (WorkloadView.Pool pool : WorkloadView.Pool.values()) {
            view.poolConnections(pool).ifPresent(c -> sb.append(poolFigure(pool, c)));
        }
        sb.append(memoryFigure());
        sb.append(allCells());
        return sb.append("</section>\n").toString();
    }

    private String choices() {
        long ok = view.cells().stream().filter(CellSummary::ok).count();
        String s = view.cells().size() + " cells, " + ok + " OK. ";
        s += view.settingsVary()
                ? "Each model is drawn at its best setting (the io-threads, workers and pool kind with the highest median "
                        + "throughput): " + settingList() + ". "
                : "Settings: " + settingList() + ". ";
        if (view.focusConnections() > 0) {
            s += "Per-model charts are at <b>" + view.focusConnections() + " connections</b>, the largest count at "
                    + "which the most models have an OK cell. ";
        }
        return s + "Cells that are not OK are left out of the charts and marked in the tables. "
                + "Figures are medians over the OK repetitions; small grey text is the min\u2013max.";
    }

    private String settingList() {
        return String.join(", ", view.models().stream()
                .map(m -> Html.esc(m) + " " + Html.esc(view.best(m).label())).toList());
    }

    int color(String model) {
        return allModels.indexOf(model);
    }

    String lineName(String model) {
        return view.settingsVary() ? model + " (" + view.best(model).label() + ")" : model;
    }

    private String throughputFigure() {
        List<Charts.Line> lines = new ArrayList<>();
        for (String m : view.models()) {
            List<CellSummary> line = view.okLine(m).stream().filter(c -> c.throughputPerSec().known()).toList();
            if (!line.isEmpty()) {
                lines.add(new Charts.Line(lineName(m), color(m),
                        line.stream().mapToDouble(c -> c.key().connections()).toArray(),
                        line.stream().mapToDouble(c -> c.throughputPerSec().median()).toArray()));
            }
        }
        List<String> headers = new ArrayList<>(List.of("model"));
        view.connections().forEach(c -> headers.add(" c=" + c));
        List<List<String>> rows = new ArrayList<>();
        ReasonNotes reasons = new ReasonNotes();
        for (String m : view.models()) {
            List<String> row = new ArrayList<>(List.of(modelCell(m)));
            for (int c : view.connections()) {
                row.add(view.cell(m, c).map(cell -> figure(cell, CellSummary::throughputPerSec, reasons))
                        .orElse(""));
            }
            rows.add(row);
        }
        return figures.figure(id + "-tput", "Throughput vs connections (requests/s)",
                "Median answered requests per second at each connection count, one line per model at its best "
                        + "setting; x is spaced by log2.",
                chart(lines, "no cell of this workload is OK",
                        () -> Charts.lines("Throughput vs connections", "connections", "requests/s", lines, true)),
                reasons.under(Html.table("fig", headers, rows)), view.connections().size() > 3);
    }

    private String spectrumFigure() {
        int c = view.focusConnections();
        List<Charts.Line> lines = new ArrayList<>();
        List<Optional<Repetition>> reps = new ArrayList<>();
        List<Boolean> histogram = new ArrayList<>();
        for (String m : view.models()) {
            Optional<CellSummary> cell = view.focus(m).filter(CellSummary::ok);
            Optional<Repetition> rep = cell.map(x -> medianP99(data.okRepetitions(x)));
            reps.add(rep);
            Optional<LatencySpectrum> spectrum = rep.flatMap(r -> LatencySpectrum.read(data.folder().dir(),
                    r.resultDir(), figures.notes()));
            histogram.add(spectrum.isPresent());
            spectrum.ifPresent(s -> lines.add(new Charts.Line(lineName(m), color(m),
                    s.points().stream().mapToDouble(p -> Charts.spectrumX(p.fraction())).toArray(),
                    s.points().stream().mapToDouble(LatencySpectrum.Point::micros).toArray())));
        }
        double maxMicros = reps.stream().flatMap(Optional::stream).mapToDouble(Repetition::maxMicros).max().orElse(0);
        for (Charts.Line l : lines) {
            maxMicros = Math.max(maxMicros, java.util.Arrays.stream(l.y()).max().orElse(0));
        }
        LatencyUnit unit = LatencyUnit.forMax(maxMicros);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < view.models().size(); i++) {
            String m = view.models().get(i);
            if (reps.get(i).isEmpty()) {
                rows.add(notOkRow(m, view.focus(m)));
                continue;
            }
            rows.add(percentileRow(m, reps.get(i).get(), unit, histogram.get(i)));
        }
        double decades = lines.stream().mapToDouble(l -> l.x()[l.x().length - 1]).max().orElse(0);
        String u = " " + unit.symbol();
        return figures.figure(id + "-lat", "Latency by percentile at " + c + " connections (" + unit.symbol() + ")",
                (view.openLoop() ? "Corrected latency (from the intended send time)"
                        : "Latency from the actual send (not corrected: in closed loop a request is sent when the "
                        + "previous answer comes, so no send is ever late)")
                        + " by percentile, HdrHistogram style: x is "
                        + "1/(1\u2212p) on a log scale, so 90%, 99%, 99.9% are evenly spaced; the dashed line is the "
                        + "median (50%). The latency axis is logarithmic too: each grid line up is ten times slower. "
                        + "Each line is the OK repetition with the median p99; the table gives that repetition's "
                        + "percentiles in " + unit.symbol() + ".",
                chart(lines, "no OK cell at " + c + " connections has a latency histogram",
                        () -> Charts.spectrum("Latency by percentile, " + c + " connections", lines, decades, unit)),
                Html.table("fig", List.of("model", " p50" + u, " p90" + u, " p99" + u, " p99.9" + u, " max" + u,
                        "from"), rows), true);
    }

    private List<String> percentileRow(String model, Repetition rep, LatencyUnit unit, boolean histogram) {
        return List.of(modelCell(model), Html.esc(unit.format(rep.p50Micros())),
                Html.esc(unit.format(rep.p90Micros())), Html.esc(unit.format(rep.p99Micros())),
                Html.esc(unit.format(rep.p999Micros())), Html.esc(unit.format(rep.maxMicros())),
                "rep " + rep.repetition() + (histogram ? "" : ", no histogram"));
    }

    private String cpuFigure() {
        return perModelBars(id + "-cpu", "CPU per request at " + view.focusConnections() + " connections (\u00b5s)",
                "CPU time per answered request of the server's request threads (I/O loops, workers, timer), "
                        + "read per thread from /proc at the start and end of the measured phase; beside it the "
                        + "server's JIT, GC and other JVM threads, and the generator's event loops.",
                "CPU \u00b5s/request", CellSummary::cpuMicrosPerRequest,
                List.of(" request \u00b5s/req", " JIT \u00b5s/req", " GC \u00b5s/req", " other \u00b5s/req",
                        " generator \u00b5s/req", " ctx sw/req", " threads"),
                List.of(CellSummary::cpuMicrosPerRequest, CellSummary::cpuJitMicrosPerRequest,
                        CellSummary::cpuGcMicrosPerRequest, CellSummary::cpuOtherMicrosPerRequest,
                        CellSummary::generatorCpuMicrosPerRequest, CellSummary::contextSwitchesPerRequest,
                        CellSummary::threads));
    }

    private String memoryFigure() {
        return perModelBars(id + "-mem", "Memory per idle connection (KiB)",
                "What one more idle connection holds: the slopes of the server's live heap and of its native "
                        + "memory (Native Memory Tracking) over 0, N and 2N idle connections, each touched with one "
                        + "request, read after the run and a full GC. The RSS slope is beside it: heap pages the "
                        + "run already touched are resident before the connections come, so it can read lower. "
                        + "Peak RSS is the whole process's, under the cell's load.",
                "KiB per connection", CellSummary::memoryPerConnectionKb,
                List.of(" KiB/conn", " heap/conn", " native/conn", " RSS slope/conn", " peak RSS KiB", " threads"),
                List.of(CellSummary::memoryPerConnectionKb, CellSummary::heapPerConnectionKb,
                        CellSummary::nativePerConnectionKb, CellSummary::rssPerConnectionKb, CellSummary::peakRssKb,
                        CellSummary::threads));
    }

    private String perModelBars(String figId, String title, String caption, String yTitle,
            Function<CellSummary, Spread> drawn, List<String> columns, List<Function<CellSummary, Spread>> shown) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> colors = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String m : view.models()) {
            Optional<CellSummary> cell = view.focus(m);
            if (cell.isEmpty() || !cell.get().ok()) {
                rows.add(notOkRow(m, cell));
                continue;
            }
            List<String> row = new ArrayList<>(List.of(modelCell(m)));
            shown.forEach(f -> row.add(figure(f.apply(cell.get()))));
            rows.add(row);
            Spread s = drawn.apply(cell.get());
            if (s.known()) {
                names.add(m);
                values.add(s.median());
                colors.add(color(m));
            }
        }
        List<String> headers = new ArrayList<>(List.of("model"));
        headers.addAll(columns);
        return figures.figure(figId, title, caption + " Unknown (n/a) when the server's /proc could not be read.",
                chart(names, "no OK cell at " + view.focusConnections() + " connections has this figure",
                        () -> Charts.bars(title, yTitle, names, values, colors, null)),
                Html.table("fig", headers, rows), false);
    }

    private String poolFigure(WorkloadView.Pool pool, int connections) {
        List<Charts.Line> lines = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String m : view.models()) {
            List<CellSummary> cells = view.poolCells(m, pool, connections);
            if (cells.size() >= 2) {
                cells.forEach(c -> sizes.add(pool.varied.applyAsInt(c.key())));
            }
        }
        List<Integer> columns = sizes.stream().distinct().sorted().toList();
        List<List<String>> rows = new ArrayList<>();
        ReasonNotes reasons = new ReasonNotes();
        for (String m : view.models()) {
            List<CellSummary> cells = view.poolCells(m, pool, connections);
            if (cells.size() < 2) {
                continue;
            }
            List<CellSummary> ok = cells.stream().filter(c -> c.ok() && c.throughputPerSec().known()).toList();
            if (ok.size() >= 2) {
                lines.add(new Charts.Line(m, color(m), ok.stream().mapToDouble(c -> pool.varied.applyAsInt(c.key()))
                        .toArray(), ok.stream().mapToDouble(c -> c.throughputPerSec().median()).toArray()));
            }
            List<String> row = new ArrayList<>(List.of(modelCell(m)));
            for (int size : columns) {
                row.add(cells.stream().filter(c -> pool.varied.applyAsInt(c.key()) == size).findFirst()
                        .map(c -> figure(c, CellSummary::throughputPerSec, reasons)).orElse(""));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("model"));
        columns.forEach(s -> headers.add(" " + pool.label + "=" + s));
        boolean log2 = columns.stream().allMatch(s -> s > 0);
        String held = pool == WorkloadView.Pool.IO_THREADS ? "workers" : "io-threads";
        return figures.figure(id + "-pool-" + pool.name().toLowerCase(Locale.ROOT),
                "Throughput vs " + pool.label + " at " + connections + " connections (requests/s)",
                "Median requests per second as " + pool.label + " grows, " + held
                        + " held at each model's best setting; models measured at fewer than two sizes are left out"
                        + (log2 ? "; x is spaced by log2." : "."),
                chart(lines, "no model has two OK pool sizes",
                        () -> Charts.lines("Throughput vs " + pool.label, pool.label, "requests/s", lines, log2)),
                reasons.under(Html.table("fig", headers, rows)), columns.size() > 3);
    }

    private String allCells() {
        LatencyUnit unit = LatencyUnit.forMax(view.cells().stream().mapToDouble(c -> c.p999Micros().max())
                .filter(Double::isFinite).max().orElse(0));
        List<List<String>> rows = new ArrayList<>();
        ReasonNotes reasons = new ReasonNotes();
        for (CellSummary c : view.cells().stream().sorted(Comparator.comparing((CellSummary s) -> s.key().model(),
                WorkloadView::compareModels)).toList()) {
            List<String> row = new ArrayList<>(List.of(Html.esc(c.key().model()), String.valueOf(c.key().ioThreads()),
                    String.valueOf(c.key().workers()), Html.esc(c.key().workerPool()),
                    String.valueOf(c.key().connections()), reasons.mark(c),
                    c.okRepetitions() + "/" + c.repetitions(), figure(c.throughputPerSec())));
            row.addAll(timelines.sparklines(c));
            row.addAll(List.of(figure(c.p50Micros(), unit), figure(c.p99Micros(), unit), figure(c.p999Micros(), unit),
                    figure(c.cpuMicrosPerRequest()), figure(c.contextSwitchesPerRequest()), figure(c.peakRssKb()),
                    figure(c.threads()), figure(c.memoryPerConnectionKb())));
            rows.add(row);
        }
        return "<details class=\"cells\"><summary>All " + view.cells().size() + " cells of this workload, every "
                + "figure (median, min\u2013max over OK repetitions)</summary>"
                + "<div class=\"wide\">" + reasons.under(Html.table("all", List.of("model", " io", " workers",
                        "pool", " conns", "status", " OK reps", " req/s", "req/s by second", "p99 by second",
                        " p50 " + unit.symbol(), " p99 " + unit.symbol(), " p99.9 " + unit.symbol(), " CPU \u00b5s/req",
                        " ctx sw/req", " peak RSS KiB", " threads", " KiB/conn"), rows))
                + "</div></details>\n";
    }

    private Supplier<Chart<?, ?>> chart(List<?> series, String whyEmpty, Supplier<Chart<?, ?>> build) {
        return () -> {
            if (series.isEmpty()) {
                throw new FigureWriter.NothingToDraw(whyEmpty);
            }
            return build.get();
        };
    }

    String modelCell(String model) {
        String swatch = "<span class=\"sw\" style=\"background:" + hex(Charts.color(color(model))) + "\"></span>";
        return "<span class=\"m\">" + swatch + Html.esc(model) + "</span>";
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** A cell's figure, or its status and the number of its reason among {@code reasons} when it is not OK. */
    private static String figure(CellSummary c, Function<CellSummary, Spread> f, ReasonNotes reasons) {
        return c.ok() ? figure(f.apply(c)) : reasons.mark(c);
    }

    /** A latency spread (in µs) shown in {@code unit}. */
    static String figure(Spread s, LatencyUnit unit) {
        return figure(new Spread(unit.of(s.median()), unit.of(s.min()), unit.of(s.max())));
    }

    static String figure(Spread s) {
        return Html.withRange(Fmt.median(s), Fmt.range(s));
    }

    /** A table row of a model without an OK cell: its name, then its status and reasons across the figures' columns. */
    private List<String> notOkRow(String model, Optional<CellSummary> cell) {
        return List.of(modelCell(model), cell.map(c -> badge(c) + " <span class=\"reason\">" + Html.esc(c.reasons())
                + "</span>").orElse("<span class=\"reason\">not measured</span>"));
    }

    static String badge(CellSummary c) {
        String s = c.status().name();
        return "<span class=\"badge " + s.toLowerCase(Locale.ROOT) + "\">" + s + "</span>";
    }

    /** The repetition whose p99 is the median of the cell's OK repetitions (the lower one on an even count). */
    static Repetition medianP99(List<Repetition> ok) {
        List<Repetition> sorted = ok.stream().sorted(Comparator.comparingDouble(Repetition::p99Micros)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
