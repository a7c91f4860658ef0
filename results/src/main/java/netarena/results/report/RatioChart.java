package netarena.results.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;

/**
 * compare's chart, as inline SVG: one row per metric, a dot at the ratio current/baseline and a bar
 * over its bootstrap interval, on a log-ratio axis (so -50% and +100% are as far from "no change"),
 * with the noise threshold shaded. Drawn by hand rather than with XChart, which has no horizontal
 * interval plot; it is rows of lines and text.
 */
final class RatioChart {

    static final int WIDTH = 980;
    static final int ROW = 20;
    private static final int LABEL = 430;
    private static final int RIGHT = 20;
    private static final int TOP = 44;
    /** The axis never reaches past x4 or /4: a wider interval is drawn to the edge with an arrow head. */
    private static final double MAX_LOG2 = 2;
    private static final double[] TICKS = {0.25, 0.5, 0.67, 0.8, 0.9, 0.95, 0.98, 1.02, 1.05, 1.1, 1.25, 1.5, 2, 4};

    private RatioChart() {
    }

    /**
     * @param rows      the metrics to draw, top to bottom
     * @param labels    each row's label (cell, metric and unit), same order
     * @param threshold the noise threshold as a fraction, e.g. 0.05 for the ±5% band
     */
    static String svg(List<MetricComparison> rows, List<String> labels, double threshold, String id) {
        double span = span(rows, threshold);
        int height = TOP + rows.size() * ROW + 12;
        double plot = WIDTH - LABEL - RIGHT;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg id=\"").append(id).append("\" class=\"chart ratio\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"change of each metric, current over baseline, "
                        + "with its interval\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        double bandLo = x(1 - threshold, span, plot);
        double bandHi = x(1 + threshold, span, plot);
        sb.append(rect(bandLo, TOP - 4, bandHi - bandLo, rows.size() * ROW + 4, "#eef3f8"));
        List<Double> drawn = new ArrayList<>();
        for (double t : ticks(threshold)) {
            double tx = x(t, span, plot);
            if (Math.abs(log2(t)) > span || drawn.stream().anyMatch(d -> Math.abs(d - tx) < 44)) {
                continue;
            }
            drawn.add(tx);
            sb.append(line(tx, TOP - 6, tx, TOP + rows.size() * ROW, t == 1 ? "#555" : "#e3e3e3", t == 1 ? 1.2 : 1));
            sb.append(text(tx, TOP - 10, change(t), "middle", "#333"));
        }
        sb.append(text(LABEL + plot / 2, 12, "change, current / baseline \u2212 1 (log scale; shaded: \u00b1"
                + Fmt.num(threshold * 100) + "% noise threshold)", "middle", "#222"));
        for (int i = 0; i < rows.size(); i++) {
            sb.append(row(rows.get(i), labels.get(i), TOP + i * ROW + ROW / 2.0, span, plot));
        }
        return sb.append("</svg>").toString();
    }

    /** Half the x axis in log2 units: wide enough for every interval and the threshold, at most MAX_LOG2. */
    private static double span(List<MetricComparison> rows, double threshold) {
        double half = 0.04;
        for (MetricComparison m : rows) {
            for (double r : new double[] {m.ciLow(), m.ciHigh(), m.ratio(), 1 + threshold, 1 - threshold}) {
                if (Double.isFinite(r) && r > 0) {
                    half = Math.max(half, Math.abs(log2(r)));
                }
            }
        }
        return Math.min(MAX_LOG2, half * 1.15);
    }

    /** One metric at height y: its label, its interval as a bar and its ratio as a dot, with a tooltip. */
    private static String row(MetricComparison m, String label, double y, double span, double plot) {
        String color = color(m.verdict());
        StringBuilder sb = new StringBuilder("<g><title>").append(Html.esc(label + ": " + m.verdict() + ", change "
                + change(m.ratio()) + ", interval " + change(m.ciLow()) + " to " + change(m.ciHigh()) + ". "
                + m.reason())).append("</title>");
        sb.append(text(LABEL - 8, y + 4, clip(label), "end", "#222"));
        if (Double.isFinite(m.ciLow()) && Double.isFinite(m.ciHigh()) && m.ciLow() > 0) {
            sb.append(line(x(m.ciLow(), span, plot), y, x(m.ciHigh(), span, plot), y, color, 2.4));
        }
        if (Double.isFinite(m.ratio()) && m.ratio() > 0) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>",
                    x(m.ratio(), span, plot), y, color));
        }
        return sb.append("</g>").toString();
    }

    /** Tick ratios, most wanted first: no change, the threshold's edges, then the rest nearest first. */
    private static List<Double> ticks(double threshold) {
        List<Double> ticks = new ArrayList<>(List.of(1.0, 1 + threshold, 1 - threshold));
        Arrays.stream(TICKS).boxed().sorted(Comparator.comparingDouble(t -> Math.abs(log2(t)))).forEach(ticks::add);
        return ticks;
    }

    /** The verdict's color: red regressed, green improved, grey unchanged, amber undecided. */
    static String color(Verdict v) {
        return switch (v) {
            case REGRESSED -> "#c62828";
            case IMPROVED -> "#2e7d32";
            case UNCHANGED -> "#8a8f96";
            case INCONCLUSIVE -> "#d08700";
        };
    }

    /** A ratio as a signed change, e.g. 1.1 as +10%. */
    static String change(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "n/a";
        }
        double pct = (ratio - 1) * 100;
        String s = String.format(Locale.ROOT, Math.abs(pct) < 9.95 ? "%+.1f%%" : "%+.0f%%", pct);
        return s.equals("+0.0%") || s.equals("-0.0%") ? "0%" : s;
    }

    private static double x(double ratio, double span, double plot) {
        double l = Math.max(-span, Math.min(span, log2(ratio)));
        return LABEL + (l + span) / (2 * span) * plot;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : "\u2026" + s.substring(s.length() - 63);
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y, w, h, fill);
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"/>", x1, y1, x2, y2, stroke, width);
    }

    private static String text(double x, double y, String s, String anchor, String fill) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>", x, y,
                anchor, fill, Html.esc(s));
    }
}
