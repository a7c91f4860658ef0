package netarena.results.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netarena.results.capacity.CapacityAnswer;
import netarena.results.capacity.CapacityText;
import netarena.results.capacity.InFlightFinding;
import netarena.results.capacity.LittleFinding;
import netarena.results.capacity.PoolRecommendation;
import netarena.results.capacity.SearchResult;
import netarena.results.capacity.SearchStep;
import netarena.results.capacity.UslModel;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The capacity answer as a report section ({@code id="capacity"}): the SLO search's throughput-latency
 * curve with the SLO line and the knee, the measured closed-loop points with the fitted USL curve, and
 * the pool check, each beside the table of its figures. Built by {@code netarena capacity} and handed
 * to {@link ReportWriter#write(java.nio.file.Path, List)}.
 */
public final class CapacitySection {

    public static final String ID = "capacity";

    private CapacitySection() {
    }

    public static ReportSection of(CapacityAnswer a) {
        FigureWriter figures = new FigureWriter();
        StringBuilder html = new StringBuilder("<p class=\"lead\">").append(Html.esc(a.subject())).append("</p>\n");
        StringBuilder md = new StringBuilder(a.subject()).append("\n\n");
        if (a.slo() != null) {
            html.append(slo(a.slo(), figures));
            md.append("- ").append(CapacityText.sloHeadline(a.slo())).append("; capacity ")
                    .append(CapacityText.sloBound(a.slo())).append('\n');
        }
        if (a.scaling() != null) {
            html.append(scaling(a.scaling(), figures));
            md.append("- ").append(uslSentence(a.scaling())).append('\n');
        }
        if (a.pool() != null) {
            html.append(pool(a.pool()));
            md.append("- ").append(poolSentence(a.pool())).append('\n');
        }
        for (String note : figures.notes()) {
            html.append("<p class=\"warn\">").append(Html.esc(note)).append("</p>\n");
        }
        return new ReportSection(ID, "Capacity", html.toString(), md.toString());
    }

    private static String slo(CapacityAnswer.SloAnswer s, FigureWriter figures) {
        SearchResult r = s.search();
        String q = "p" + trim(s.slo().quantile() * 100);
        List<List<String>> rows = new ArrayList<>();
        for (SearchStep step : r.steps()) {
            boolean invalid = step.result().generatorInvalid();
            rows.add(List.of(String.valueOf(step.index() + 1), step.phase().name().toLowerCase(Locale.ROOT),
                    Fmt.num(step.ratePerSecond()), invalid ? "\u2013" : Fmt.num(step.result().latencyMicros()),
                    invalid ? "\u2013" : CapacityText.percent(step.result().errorRatio()),
                    "<b>" + step.outcome() + "</b>" + (step.note().isEmpty() ? "" : " <small>" + Html.esc(step.note())
                            + "</small>")));
        }
        String table = Html.table("fig", List.of(" step", "phase", " rate/s", " " + q + " \u00b5s", " errors",
                "outcome"), rows);
        StringBuilder sb = new StringBuilder("<h3>Highest rate meeting the SLO</h3>\n<p><b>")
                .append(Html.esc(CapacityText.sloHeadline(s))).append("</b>.<br>Capacity: ")
                .append(Html.esc(CapacityText.sloBound(s))).append(".<br>Search: ").append(Html.esc(r.reason()))
                .append(".</p>\n");
        String caption = "Open loop, latency from each request's intended send time; every valid step of the search, "
                + "by rate. The horizontal dashed line is the SLO" + (Double.isNaN(r.kneeRatePerSecond()) ? ""
                        : ", the vertical one the knee (where the " + q + " first exceeds twice its value at the lowest rate)")
                + ". Steps where the generator could not hold the rate are left out.";
        sb.append(figures.figure("capacity-curve", "Throughput-latency curve", caption, () -> curveChart(s, q), table,
                false));
        if (!s.confirmations().isEmpty()) {
            List<List<String>> conf = new ArrayList<>();
            for (CapacityAnswer.Confirmation c : s.confirmations()) {
                conf.add(List.of(Fmt.num(c.ratePerSecond()), c.passes() + " of " + c.runs(),
                        Fmt.num(c.minLatencyMicros()) + "\u2013" + Fmt.num(c.maxLatencyMicros()),
                        String.valueOf(c.invalid())));
            }
            sb.append("<h4>Repeated after the search</h4>").append(Html.table("fig", List.of(" rate/s", " passed",
                    " " + q + " \u00b5s", " invalid"), conf));
        }
        return sb.toString();
    }

    private static XYChart curveChart(CapacityAnswer.SloAnswer s, String q) {
        List<SearchStep> curve = s.search().curve().stream()
                .filter(st -> Double.isFinite(st.result().latencyMicros())).toList();
        if (curve.isEmpty()) {
            throw new FigureWriter.NothingToDraw("no valid step with a finite latency");
        }
        double[] x = curve.stream().mapToDouble(SearchStep::ratePerSecond).toArray();
        double[] y = curve.stream().mapToDouble(st -> st.result().latencyMicros()).toArray();
        XYChart chart = Charts.lines("Latency against offered rate", "offered rate (requests/s)",
                q + " latency (\u00b5s)", List.of(new Charts.Line(q + " latency", 0, x, y)), false);
        chart.getStyler().setAnnotationLineColor(new Color(0x888888));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {5f, 4f}, 0f));
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextFontColor(new Color(0x444444));
        double top = Math.max(s.slo().latencyMicros(), java.util.Arrays.stream(y).max().orElse(1));
        chart.getStyler().setYAxisMax(top * 1.08);
        chart.addAnnotation(new AnnotationLine(s.slo().latencyMicros(), false, false));
        chart.addAnnotation(new AnnotationText("SLO " + s.text(), x[0] + (x[x.length - 1] - x[0]) * 0.12,
                s.slo().latencyMicros() * 1.03, false));
        double knee = s.search().kneeRatePerSecond();
        if (Double.isFinite(knee)) {
            chart.addAnnotation(new AnnotationLine(knee, true, false));
            chart.addAnnotation(new AnnotationText("knee " + Fmt.num(knee) + "/s", knee, top * 0.95, false));
        }
        return chart;
    }

    private static String scaling(CapacityAnswer.ScalingAnswer s, FigureWriter figures) {
        List<List<String>> rows = new ArrayList<>();
        for (CapacityAnswer.ClosedLoopPoint p : s.points()) {
            LittleFinding f = s.little().stream().filter(l -> l.point().concurrency() == p.connections()).findFirst()
                    .orElse(null);
            String little = !p.valid() ? "<span class=\"reason\">not used: " + Html.esc(p.note()) + "</span>"
                    : f == null ? "" : f.violated() ? "<b>violated</b> <small>" + Html.esc(f.hint()) + "</small>"
                            : "ok";
            rows.add(List.of(String.valueOf(p.connections()), Fmt.num(p.throughputPerSecond()),
                    s.fit() == null ? "\u2013" : Fmt.num(s.fit().model().throughputAt(p.connections())),
                    Fmt.num(p.meanLatencyMicros()), f == null ? "\u2013" : String.format(Locale.ROOT, "%.3f",
                            f.impliedConcurrency() / p.connections()), little));
        }
        String table = Html.table("fig", List.of(" N", " req/s", " USL req/s", " mean \u00b5s", " X\u00b7R/N",
                "Little's law"), rows);
        String caption = "Closed loop, one request outstanding per connection. Dots: measured; line: the Universal "
                + "Scalability Law fitted to them (Levenberg-Marquardt). X\u00b7R/N is Little's law: throughput times "
                + "mean response time over the connections, 1 when the loop was what it claims (10% tolerance).";
        return "<h3>Scalability over connections</h3>\n<p><b>" + Html.esc(uslSentence(s)) + "</b></p>\n"
                + figures.figure("capacity-usl", "Throughput against connections", caption, () -> uslChart(s), table,
                        false);
    }

    private static XYChart uslChart(CapacityAnswer.ScalingAnswer s) {
        List<CapacityAnswer.ClosedLoopPoint> valid = s.points().stream().filter(CapacityAnswer.ClosedLoopPoint::valid)
                .toList();
        if (valid.isEmpty()) {
            throw new FigureWriter.NothingToDraw("no valid closed-loop point");
        }
        double[] x = valid.stream().mapToDouble(CapacityAnswer.ClosedLoopPoint::connections).toArray();
        double[] y = valid.stream().mapToDouble(CapacityAnswer.ClosedLoopPoint::throughputPerSecond).toArray();
        List<Charts.Line> lines = new ArrayList<>();
        lines.add(new Charts.Line("measured", 0, x, y));
        if (s.fit() != null) {
            UslModel m = s.fit().model();
            double max = java.util.Arrays.stream(x).max().orElse(1);
            double end = Math.max(max, Math.min(m.peakConcurrency(), 4 * max));
            int n = 60;
            double[] fx = new double[n];
            double[] fy = new double[n];
            for (int i = 0; i < n; i++) {
                fx[i] = Math.pow(end, i / (double) (n - 1));
                fy[i] = m.throughputAt(fx[i]);
            }
            lines.add(new Charts.Line("USL fit", 1, fx, fy));
        }
        XYChart chart = Charts.lines("Throughput against connections", "connections (N)", "requests/s", lines, true);
        XYSeries measured = chart.getSeriesMap().get("measured");
        measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (s.fit() != null) {
            chart.getSeriesMap().get("USL fit").setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static String pool(CapacityAnswer.PoolAnswer p) {
        PoolRecommendation r = p.recommendation();
        String q = "p" + trim(p.slo().quantile() * 100);
        CapacityAnswer.ServiceTime t = p.serviceTime();
        List<List<String>> rows = new ArrayList<>();
        for (CapacityAnswer.PoolCheck c : p.checks()) {
            InFlightFinding f = c.inFlight();
            rows.add(List.of(String.valueOf(c.workers()), Fmt.num(c.predictedMdcMicros()),
                    Fmt.num(c.predictedMmcMicros()), Fmt.num(c.measuredMicros()),
                    CapacityText.percent(c.errorRatio()), CapacityText.inFlight(f.generatorInFlight()),
                    CapacityText.inFlight(f.serverInFlight()), !f.checked() ? "not checked" : f.violated()
                            ? "<b>violated</b> <small>" + Html.esc(f.hint()) + "</small>" : "ok",
                    !c.valid() ? "<b>invalid</b> <small>" + Html.esc(c.note())
                            + "</small>" : c.meetsSlo() ? "meets the SLO" : "<b>misses</b> the SLO"));
        }
        return "<h3>Worker pool for a rate</h3>\n<p><b>" + Html.esc(poolSentence(p)) + "</b></p>\n"
                + "<p>Service time " + Fmt.num(t.sizingMicros()) + " \u00b5s, the " + t.source() + "'s (the server's "
                + "mean time a request held a thread: " + Fmt.num(t.serverMeanMicros()) + " \u00b5s; the client's "
                + "answer time minus write time: " + Fmt.num(t.clientMeanMicros()) + " \u00b5s; both at "
                + Fmt.num(p.serviceRatePerSecond()) + "/s, where nothing queues); offered load "
                + Fmt.num(r.offeredLoad()) + " erlangs. Both models assume Poisson arrivals (the checks use them); "
                + "M/D/c constant service (the recommendation), Erlang C exponential service, which waits longer. "
                + "Little's law across the wire: requests out at the generator (its throughput times its mean answer "
                + "minus write time) must be at least those holding a worker at the server (the same throughput "
                + "times the server's own service time), and those at most the pool.</p>\n"
                + (rows.isEmpty() ? "" : Html.table("fig", List.of(" workers", " M/D/c " + q + " \u00b5s",
                        " Erlang C " + q + " \u00b5s", " measured " + q + " \u00b5s", " errors", " out (generator)",
                        " held (server)", "Little's law", "verdict"), rows));
    }

    static String uslSentence(CapacityAnswer.ScalingAnswer s) {
        if (s.fit() == null) {
            return "No USL fit: " + s.problem();
        }
        UslModel m = s.fit().model();
        long violated = s.little().stream().filter(LittleFinding::violated).count();
        String peak = m.hasPeak() ? "peak " + Fmt.num(m.peakThroughput()) + "/s at N* = " + Fmt.num(m.peakConcurrency())
                : "no peak (kappa 0): throughput approaches " + Fmt.num(m.peakThroughput()) + "/s";
        return String.format(Locale.ROOT, "USL: sigma %.3g, kappa %.3g, lambda %s/s; %s; R\u00b2 %.3f; "
                + "holdout error %s at N = %s; Little's law %s", m.sigma(), m.kappa(), Fmt.num(m.lambda()), peak,
                s.fit().rSquared(),
                Double.isNaN(s.fit().holdoutRelativeError()) ? "n/a"
                        : String.format(Locale.ROOT, "%+.1f%%", s.fit().holdoutRelativeError() * 100),
                Fmt.num(s.fit().holdoutConcurrency()), violated == 0 ? "holds at every point"
                        : "violated at " + violated + " point(s)");
    }

    static String poolSentence(CapacityAnswer.PoolAnswer p) {
        PoolRecommendation r = p.recommendation();
        if (!r.feasible()) {
            return "Pool for " + Fmt.num(p.ratePerSecond()) + "/s at " + p.sloText() + ", " + p.workerPool()
                    + " pool: none meets it (" + r.reason() + ")";
        }
        String measured = p.checks().stream().filter(c -> c.workers() == r.servers()).findFirst()
                .map(c -> ", measured " + Fmt.num(c.measuredMicros()) + " \u00b5s (" + (c.valid() ? c.meetsSlo()
                        ? "meets the SLO" : "misses the SLO" : "invalid") + ")").orElse("");
        String smallest = p.checks().isEmpty() ? "" : CapacityText.smallestMeasured(p).stream()
                .mapToObj(n -> "; the smallest measured that meets it: " + n).findFirst()
                .orElse("; none measured meets it");
        long violated = p.checks().stream().filter(c -> c.inFlight().violated()).count();
        return String.format(Locale.ROOT, "Pool for %s/s at %s, %s pool: %d workers (%s; Erlang C %s), predicted %s "
                + "\u00b5s%s%s%s", Fmt.num(p.ratePerSecond()), p.sloText(), p.workerPool(), r.servers(), r.model().label(),
                p.erlangC().feasible() ? p.erlangC().servers() : "none", Fmt.num(r.responsePercentileSeconds() * 1e6),
                measured, smallest, violated == 0 ? "" : "; Little's law across the wire violated at " + violated
                        + " size(s)");
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
