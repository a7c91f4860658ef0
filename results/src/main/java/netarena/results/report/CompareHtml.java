package netarena.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import netarena.results.compare.Exclusion;
import netarena.results.compare.RunComparison;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.Direction;
import netarena.results.stats.MetricComparison;

/**
 * {@code compare.html}: the comparison as one self-contained page beside compare.md (inline CSS and
 * SVG, no script): the outcome, the ratio and interval of every metric as a chart ({@link RatioChart}),
 * then the table of figures, each with its unit, and the cells not compared.
 */
public final class CompareHtml {

    private CompareHtml() {
    }

    public static String render(RunComparison c) {
        ComparisonConfig cfg = c.report().config();
        List<MetricComparison> metrics = c.byEffect();
        String title = "netarena compare: " + c.current().id() + " vs " + c.baseline().id();
        StringBuilder sb = new StringBuilder(32 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(Html.esc(title)).append("</title>\n<style>").append(ReportCss.CSS)
                .append(".ratio { width: 100%; height: auto; display: block; max-width: ").append(RatioChart.WIDTH)
                .append("px; }\n</style></head>\n<body><main>\n<header><h1>").append(Html.esc(title)).append("</h1>")
                .append("<p class=\"sub\"><code>").append(Html.esc(c.baseline().id())).append("</code> (baseline) vs <code>")
                .append(Html.esc(c.current().id())).append("</code> (current): threshold \u00b1")
                .append(Fmt.num(cfg.noiseThreshold() * 100)).append("%, ")
                .append(String.format(Locale.ROOT, "%.0f%%", cfg.confidence() * 100))
                .append(c.report().metrics().stream().anyMatch(MetricComparison::paired)
                        ? " bootstrap interval of the per-pair ratios, Wilcoxon signed-rank over the ABBA pairs"
                        : " bootstrap interval of the ratio, Mann-Whitney").append(" at alpha ").append(cfg.alpha())
                .append("</p></header>\n");
        sb.append("<section id=\"outcome\"><h2>").append(Html.esc(c.outcome().name())).append("</h2><p><b>")
                .append(Html.esc(c.headline())).append("</b></p>");
        if (!c.warnings().isEmpty()) {
            sb.append("<ul class=\"notes\">").append(c.warnings().stream().map(w -> "<li>" + Html.esc(w) + "</li>")
                    .collect(Collectors.joining())).append("</ul>");
        }
        sb.append("</section>\n");
        if (!metrics.isEmpty()) {
            List<String> labels = metrics.stream().map(m -> m.cell() + " \u00b7 " + c.metric(m).label()
                    + arrow(c.metric(m).direction())).toList();
            sb.append("<section id=\"chart\"><h2>Change per metric (current / baseline \u2212 1)</h2>")
                    .append("<figure class=\"fig\">").append(RatioChart.svg(metrics, labels, cfg.noiseThreshold(),
                            "ratios"))
                    .append("<figcaption>A dot is the ratio of the current run's ").append(Html.esc(cfg.estimator()
                            .name().toLowerCase(Locale.ROOT))).append(" to the baseline's, the bar its interval; "
                            + "red regressed, green improved, grey unchanged (interval inside the shaded noise band), "
                            + "amber undecided. \u2191 higher is better, \u2193 lower is better. Sorted by effect.")
                    .append("</figcaption></figure></section>\n");
            sb.append("<section id=\"table\"><h2>Every metric</h2>").append(table(c, metrics)).append("</section>\n");
        }
        if (!c.excluded().isEmpty()) {
            sb.append(excluded(c));
        }
        return sb.append("<footer>Written by <code>netarena compare</code>; the same figures are in compare.md and "
                + "verdict.json.</footer>\n</main></body></html>\n").toString();
    }

    private static String excluded(RunComparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (Exclusion e : c.excluded()) {
            rows.add(List.of("<code>" + Html.esc(e.id()) + "</code>" + (e.brokenByCurrent()
                    ? " <b>(failed in current only: counts as a regression)</b>" : ""),
                    status(e.baselineStatus().name(), e.baselineReason()),
                    status(e.currentStatus().name(), e.currentReason())));
        }
        return "<section id=\"excluded\"><h2>Not compared: invalid or failed</h2>"
                + Html.table("fig", List.of("cell", "baseline", "current"), rows) + "</section>\n";
    }

    private static String table(RunComparison c, List<MetricComparison> metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (MetricComparison m : metrics) {
            String unit = " " + c.metric(m).unit();
            rows.add(List.of("<span class=\"badge\" style=\"color:#fff;background:" + RatioChart.color(m.verdict())
                    + "\">" + m.verdict() + "</span>", Html.esc(m.cell()),
                    Html.esc(c.metric(m).label() + arrow(c.metric(m).direction())),
                    Html.esc(Fmt.num(m.baselineCentre()) + unit), Html.esc(Fmt.num(m.currentCentre()) + unit),
                    Html.esc(RatioChart.change(m.ratio())),
                    Html.esc(RatioChart.change(m.ciLow()) + " to " + RatioChart.change(m.ciHigh())),
                    Html.esc(Double.isNaN(m.adjustedP()) ? "n/a" : String.format(Locale.ROOT, "%.2g", m.adjustedP())),
                    m.baselineCount() + "/" + m.currentCount()));
        }
        return Html.table("all", List.of("verdict", "cell", "metric", " baseline", " current", " change",
                " interval", " adj. p", " n"), rows);
    }

    private static String arrow(Direction d) {
        return d == Direction.HIGHER_IS_BETTER ? " \u2191" : " \u2193";
    }

    private static String status(String status, String reason) {
        return Html.esc(reason.isEmpty() ? status : status + ": " + reason);
    }
}
