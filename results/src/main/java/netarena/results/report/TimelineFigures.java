package netarena.results.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netarena.results.run.CellSummary;
import netarena.results.run.Repetition;

/**
 * A workload's figures over time, from each repetition's {@code latency.hlog}: answered requests per
 * second and the p99 of each second at the focus connection count (one line per model), and the same
 * two series as sparklines for every cell. A dip, a ramp or a stall that the run's medians average away
 * shows here. Each cell is drawn from the OK repetition with the median p99, as the spectrum is.
 */
final class TimelineFigures {

    private final WorkloadSection section;
    private final WorkloadView view;
    private final RunData data;
    private final FigureWriter figures;
    private final Map<CellSummary, Optional<LatencyTimeline>> read = new LinkedHashMap<>();

    TimelineFigures(WorkloadSection section, WorkloadView view, RunData data, FigureWriter figures) {
        this.section = section;
        this.view = view;
        this.data = data;
        this.figures = figures;
    }

    /** The timeline of an OK cell's median-p99 repetition, read once; empty when not OK or unreadable. */
    Optional<LatencyTimeline> of(CellSummary cell) {
        return read.computeIfAbsent(cell, c -> {
            if (!c.ok() || data.okRepetitions(c).isEmpty()) {
                return Optional.empty();
            }
            Repetition rep = WorkloadSection.medianP99(data.okRepetitions(c));
            return LatencyTimeline.read(data.folder().dir(), rep.resultDir(), figures.notes());
        });
    }

    /** Throughput and p99 over time at the focus connection count, two figures. */
    String html(String id) {
        int c = view.focusConnections();
        List<Charts.Line> rates = new ArrayList<>();
        List<Charts.Line> p99s = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        LatencyUnit unit = focusP99Unit();
        for (String m : view.models()) {
            Optional<LatencyTimeline> t = view.focus(m).flatMap(this::of);
            if (t.isEmpty() || t.get().points().isEmpty()) {
                continue;
            }
            LatencyTimeline tl = t.get();
            rates.add(new Charts.Line(section.lineName(m), section.color(m), tl.seconds(), tl.perSecond()));
            double[][] p99 = tl.p99();
            p99s.add(new Charts.Line(section.lineName(m), section.color(m), p99[0],
                    Arrays.stream(p99[1]).map(unit::of).toArray()));
            rows.add(row(m, tl, unit));
        }
        String why = "no OK cell at " + c + " connections has a readable latency.hlog";
        String u = unit.symbol();
        String rate = figures.figure(id + "-rate-time", "Throughput over time at " + c + " connections (requests/s)",
                "Answered requests in each second of the measured phase (the intervals of latency.hlog), one line "
                        + "per model; a steady run is a flat line.",
                () -> {
                    if (rates.isEmpty()) {
                        throw new FigureWriter.NothingToDraw(why);
                    }
                    return Charts.timeline("Throughput over time, " + c + " connections", "requests/s", rates, false);
                },
                Html.table("fig", List.of("model", " slowest s req/s", " fastest s req/s", " worst p99 " + u,
                        " seconds", "from"), rows), true);
        if (p99s.isEmpty()) {
            return rate;
        }
        String tail = figures.figure(id + "-p99-time", "p99 latency over time at " + c + " connections (" + u + ")",
                "The 99th percentile of corrected latency in each second, on a log scale; a spike is a second "
                        + "in which a pause or a backlog held requests. The table beside the throughput chart gives "
                        + "each model's worst second.",
                () -> Charts.timeline("p99 latency over time, " + c + " connections", "p99 (" + u + ", log scale)",
                        p99s, true), "", false);
        return rate + tail;
    }

    /** The unit of the p99-over-time axis: from the largest second's p99 of any model at the focus count. */
    private LatencyUnit focusP99Unit() {
        double maxP99 = 0;
        for (String m : view.models()) {
            Optional<LatencyTimeline> t = view.focus(m).flatMap(this::of);
            if (t.isPresent()) {
                maxP99 = Math.max(maxP99, Arrays.stream(t.get().p99()[1]).max().orElse(0));
            }
        }
        return LatencyUnit.forMax(maxP99);
    }

    /** A model's row beside the throughput chart: slowest and fastest second, worst p99, seconds, source. */
    private List<String> row(String model, LatencyTimeline tl, LatencyUnit unit) {
        double[] r = tl.perSecond();
        return List.of(section.modelCell(model), Fmt.num(Arrays.stream(r).min().orElse(Double.NaN)),
                Fmt.num(Arrays.stream(r).max().orElse(Double.NaN)),
                Html.esc(unit.format(Arrays.stream(tl.p99()[1]).max().orElse(Double.NaN))),
                String.valueOf(tl.points().size()), "<small>" + Html.esc(tl.source()) + "</small>");
    }

    /** The two sparklines of a cell for the all-cells table: requests per second and p99, each over time. */
    List<String> sparklines(CellSummary cell) {
        Optional<LatencyTimeline> t = of(cell);
        if (t.isEmpty()) {
            return List.of("", "");
        }
        LatencyTimeline tl = t.get();
        double[][] p99 = tl.p99();
        LatencyUnit unit = LatencyUnit.forMax(Arrays.stream(p99[1]).max().orElse(0));
        return List.of(Sparkline.svg(tl.seconds(), tl.perSecond(), false, "requests/s", Fmt::num, ""),
                Sparkline.svg(p99[0], p99[1], true, "p99 (" + unit.symbol() + ")", unit::format, " " + unit.symbol()));
    }
}
