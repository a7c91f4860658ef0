package netarena.results.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netarena.results.jmh.JmhMetric;
import netarena.results.jmh.JmhResult;

/**
 * The JMH part of a report: every benchmark with score ± error (JMH's 99.9% confidence half-width),
 * the allocation per operation when {@code -prof gc} ran, and one bar chart per (mode, unit) group,
 * since scores in different units cannot share an axis.
 */
final class JmhSection {

    private JmhSection() {
    }

    static String html(List<JmhResult> results, FigureWriter figures) {
        StringBuilder sb = new StringBuilder("<section id=\"jmh\"><h2>JMH benchmarks</h2>\n");
        if (results.isEmpty()) {
            return sb.append("<p>jmh.json holds no benchmark.</p></section>\n").toString();
        }
        sb.append("<p class=\"lead\">").append(results.size()).append(" benchmarks from jmh.json");
        String version = results.get(0).jmhVersion();
        if (!version.isEmpty()) {
            sb.append(" (JMH ").append(Html.esc(version)).append(", JDK ")
                    .append(Html.esc(results.get(0).jdkVersion())).append(")");
        }
        sb.append(". Error is JMH's 99.9% confidence half-width; n/a when JMH could not compute one.</p>\n");
        Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : results) {
            groups.computeIfAbsent(r.mode() + " " + r.primary().unit(), k -> new ArrayList<>()).add(r);
        }
        int n = 0;
        for (List<JmhResult> group : groups.values()) {
            n++;
            JmhResult first = group.get(0);
            String unit = first.primary().unit();
            String better = first.mode().equals("thrpt") ? "higher is better" : "lower is better";
            List<String> labels = group.stream().map(JmhResult::label).toList();
            List<Double> scores = group.stream().map(r -> r.primary().score()).toList();
            double[] errors = group.stream().mapToDouble(r -> r.primary().scoreError()).toArray();
            List<Integer> colors = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                colors.add(i);
            }
            List<List<String>> rows = new ArrayList<>();
            for (JmhResult r : group) {
                JmhMetric p = r.primary();
                rows.add(List.of(Html.esc(r.label()), Html.esc(r.mode()), Html.esc(Fmt.num(p.score())),
                        Html.esc(Fmt.num(p.scoreError())), Html.esc(p.unit()),
                        r.secondary("gc.alloc.rate.norm").map(m -> Html.esc(Fmt.num(m.score()))).orElse(""),
                        r.forks() + "\u00d7" + Math.max(p.rawData().stream().mapToInt(List::size).max().orElse(0),
                                p.rawDataHistogram().stream().mapToInt(List::size).max().orElse(0))));
            }
            String title = "JMH " + first.mode() + " (" + unit + ", " + better + ")";
            sb.append(figures.figure("jmh" + n, title,
                    "Score with JMH's error as an error bar; the table adds allocation per operation "
                            + "(gc.alloc.rate.norm, from -prof gc) and forks \u00d7 measurement iterations.",
                    () -> Charts.bars(title, unit, labels, scores, colors, errors),
                    Html.table("fig", List.of("benchmark", "mode", " score", " \u00b1 error", "unit", " B/op",
                            " forks\u00d7iter"), rows), true));
        }
        return sb.append("</section>\n").toString();
    }
}
