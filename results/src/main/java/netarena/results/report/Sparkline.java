package netarena.results.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A word-sized line chart for a table cell (Tufte's sparkline), as inline SVG: one series over time,
 * no axes; its title (the browser's tooltip) and a label beside it give the range and the unit.
 */
final class Sparkline {

    static final int WIDTH = 72;
    static final int HEIGHT = 18;

    private Sparkline() {
    }

    /**
     * @param x      seconds, ascending
     * @param y      the values, same length; with {@code logY} only positive ones are drawn
     * @param what   what y is, with its unit, e.g. {@code "p99 (ms)"}; goes in the tooltip
     * @param format formats a value for the label, in the unit {@code what} names
     * @param unit   the unit's symbol after the range, e.g. {@code " ms"}; empty for a count
     */
    static String svg(double[] x, double[] y, boolean logY, String what, DoubleFunction<String> format,
            String unit) {
        if (x.length < 2) {
            return "";
        }
        double[] v = logY ? Arrays.stream(y).map(a -> a > 0 ? Math.log10(a) : Double.NaN).toArray() : y;
        double lo = logY ? Arrays.stream(v).filter(Double::isFinite).min().orElse(0) : 0;
        double hi = Arrays.stream(v).filter(Double::isFinite).max().orElse(1);
        double span = hi > lo ? hi - lo : 1;
        double x0 = x[0];
        double xs = x[x.length - 1] > x0 ? x[x.length - 1] - x0 : 1;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 1 + (x[i] - x0) / xs * (WIDTH - 2),
                    HEIGHT - 2 - (v[i] - lo) / span * (HEIGHT - 4)));
        }
        double min = Arrays.stream(y).filter(a -> Double.isFinite(a) && (!logY || a > 0)).min().orElse(Double.NaN);
        double max = Arrays.stream(y).filter(Double::isFinite).max().orElse(Double.NaN);
        String range = format.apply(min) + "\u2013" + format.apply(max) + unit;
        return "<span class=\"spark\"><svg viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-label=\"" + Html.esc(what + " over time, " + range)
                + "\"><title>" + Html.esc(what + " per second: " + range + " over " + Fmt.num(x[x.length - 1])
                + " s") + "</title><polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.4\" points=\""
                + points.toString().strip() + "\"/></svg><small>" + Html.esc(range) + "</small></span>";
    }
}
