package netarena.results.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, built with XChart and styled alike: white background, light grid, legend
 * below, one color per model that stays the same across every chart of a report.
 */
final class Charts {

    static final int WIDTH = 760;
    static final int HEIGHT = 430;

    /** The smallest latency a log axis draws: HdrHistogram's lowest bucket, 1 µs; 0 has no place on it. */
    private static final double LOG_FLOOR_MICROS = 1;
    /** About the width of one legend character at the legend's 12 pt font, to tell when a row overflows. */
    private static final double LEGEND_CHAR_PX = 7.2;

    /** Okabe-Ito colors (readable by the colour-blind), then greys. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999)};

    /** A named line of points, drawn in the color of {@code colorIndex}. */
    record Line(String name, int colorIndex, double[] x, double[] y) {
    }

    private Charts() {
    }

    static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * A line chart. With {@code log2X} the x axis is spaced by log2 (connections and pool sizes are
     * usually powers of two) and labelled with the plain values; that needs every x to be positive.
     */
    static XYChart lines(String title, String xTitle, String yTitle, List<Line> lines, boolean log2X) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        if (log2X) {
            chart.getStyler().setXAxisTickMarkSpacingHint(70);
            chart.setCustomXAxisTickLabelsFormatter(v -> isInteger(v) ? Fmt.num(Math.pow(2, v)) : "");
        } else {
            chart.setCustomXAxisTickLabelsFormatter(v -> isInteger(v) ? Fmt.num(v) : "");
        }
        chart.setCustomYAxisTickLabelsFormatter(Fmt::num);
        for (Line l : lines) {
            double[] x = log2X ? Arrays.stream(l.x()).map(v -> Math.log(v) / Math.log(2)).toArray() : l.x();
            XYSeries s = chart.addSeries(l.name(), x, l.y());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(color(l.colorIndex()));
            s.setMarkerColor(color(l.colorIndex()));
            s.setLineWidth(2.2f);
        }
        legendBeside(chart, lines);
        return chart;
    }

    /**
     * HdrHistogram's percentile spectrum: x is log10(1/(1-p)), so 90%, 99%, 99.9% are evenly spaced;
     * the ticks at whole decades carry their percentile and a marked line shows the median. The latency
     * axis is logarithmic too, so a model whose tail reaches seconds does not flatten one that stays in
     * microseconds; the lines' y values are microseconds, drawn in {@code unit}.
     */
    static XYChart spectrum(String title, List<Line> lines, double maxDecades, LatencyUnit unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("percentile")
                .yAxisTitle("latency (" + unit.symbol() + ", log scale)").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.max(2, Math.ceil(maxDecades)));
        chart.getStyler().setXAxisTickMarkSpacingHint(70);
        chart.getStyler().setMarkerSize(0);
        chart.setCustomXAxisTickLabelsFormatter(v -> isInteger(v) ? percentileLabel(v) : "");
        double top = -Double.MAX_VALUE;
        double bottom = Double.MAX_VALUE;
        for (Line l : lines) {
            double[] y = Arrays.stream(l.y()).map(v -> Math.log10(unit.of(Math.max(v, LOG_FLOOR_MICROS)))).toArray();
            top = Math.max(top, Arrays.stream(y).max().orElse(0));
            bottom = Math.min(bottom, Arrays.stream(y).min().orElse(0));
            XYSeries s = chart.addSeries(l.name(), l.x(), y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color(l.colorIndex()));
            s.setLineWidth(2.2f);
        }
        logY(chart, bottom, top);
        legendBeside(chart, lines);
        double median = Math.log10(2);
        chart.addAnnotation(new AnnotationLine(median, true, false));
        chart.addAnnotation(new AnnotationText("50%", median + 0.12, top - 0.1, false));
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextFontColor(new Color(0x666666));
        chart.getStyler().setAnnotationLineColor(new Color(0xBBBBBB));
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 4f}, 0f));
        return chart;
    }

    /**
     * A line chart over time: x in seconds since the measured phase began, y linear from 0 or, with
     * {@code logY}, logarithmic (a p99 that jumps from 300 µs to 2 s stays readable).
     */
    static XYChart timeline(String title, String yTitle, List<Line> lines, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("seconds into the run")
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        if (logY) {
            double[] all = lines.stream().flatMapToDouble(l -> Arrays.stream(l.y())).filter(v -> v > 0)
                    .map(Math::log10).toArray();
            logY(chart, Arrays.stream(all).min().orElse(0), Arrays.stream(all).max().orElse(1));
        } else {
            chart.getStyler().setYAxisMin(0.0);
            chart.setCustomYAxisTickLabelsFormatter(Fmt::num);
        }
        chart.setCustomXAxisTickLabelsFormatter(v -> isInteger(v) ? Fmt.num(v) : "");
        for (Line l : lines) {
            double[] y = logY ? Arrays.stream(l.y()).filter(v -> v > 0).map(Math::log10).toArray() : l.y();
            double[] x = logY ? java.util.stream.IntStream.range(0, l.y().length).filter(i -> l.y()[i] > 0)
                    .mapToDouble(i -> l.x()[i]).toArray() : l.x();
            XYSeries s = chart.addSeries(l.name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color(l.colorIndex()));
            s.setLineWidth(2f);
        }
        legendBeside(chart, lines);
        return chart;
    }

    /**
     * A logarithmic y axis drawn as a linear axis over log10 of the values (the caller passes log10(y)),
     * labelled at the powers of ten, from the decade below {@code low} to the one above {@code high} (both
     * log10): XChart's own log axis, with a custom label formatter, labels its ticks as if they were linear,
     * and a linear axis only ticks at whole numbers when its ends are whole.
     */
    private static void logY(XYChart chart, double low, double high) {
        double min = Math.floor(low);
        chart.getStyler().setYAxisMin(min).setYAxisMax(Math.max(min + 1, Math.ceil(high)));
        chart.getStyler().setYAxisTickMarkSpacingHint(60);
        chart.setCustomYAxisTickLabelsFormatter(v -> isInteger(v) ? powerOfTen((int) Math.rint(v)) : "");
    }

    /** 10^k written out: 0.01, 1, 1,000. */
    static String powerOfTen(int k) {
        return k < 0 ? java.math.BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString() : Fmt.num(Math.pow(10, k));
    }

    /**
     * A legend of more names than fit in one row under the plot goes in a column to its right: XChart's
     * horizontal legend does not wrap, it clips the last names.
     */
    private static void legendBeside(XYChart chart, List<Line> lines) {
        int chars = lines.stream().mapToInt(l -> l.name().length() + 5).sum();
        if (chars * LEGEND_CHAR_PX > WIDTH - 40) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    /** The x of percentile fraction {@code p} on the spectrum's axis: log10(1/(1-p)). */
    static double spectrumX(double fraction) {
        return Math.log10(1 / (1 - fraction));
    }

    /** 0 -> 0%, 1 -> 90%, 2 -> 99%, 3 -> 99.9%, ... */
    static String percentileLabel(double decades) {
        int d = (int) Math.round(decades);
        return switch (d) {
            case 0 -> "0%";
            case 1 -> "90%";
            default -> d < 0 ? "" : "99" + (d > 2 ? "." + "9".repeat(d - 2) : "") + "%";
        };
    }

    /**
     * A bar chart, one bar per category, each in its own color, with its value printed on it. With
     * {@code errors}, each bar carries an error bar of that half-width (NaN draws none) and all bars take
     * the first color.
     */
    static CategoryChart bars(String title, String yTitle, List<String> categories, List<Double> values,
            List<Integer> colors, double[] errors) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        int n = categories.size();
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, values.get(i) + (errors == null || !Double.isFinite(errors[i]) ? 0 : errors[i]));
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        // bars about 110 px wide at most: a single bar across the whole plot reads as a background
        chart.getStyler().setAvailableSpaceFill(Math.min(0.7, 110.0 * n / (WIDTH - 120)));
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(true);
        chart.getStyler().setLabelsPosition(0.92);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(top > 0 ? top * 1.08 : 1.0);
        chart.getStyler().setYAxisDecimalPattern(top >= 100 ? "#,##0" : top >= 10 ? "#,##0.#" : top >= 1 ? "0.##"
                : "0.###");
        chart.getStyler().setXAxisLabelRotation(categories.stream().mapToInt(String::length).sum() > 60 ? 12 : 0);
        if (errors != null) {
            // XChart's error bars need a value in every category: one series, one color
            List<Double> e = Arrays.stream(errors).map(x -> Double.isFinite(x) ? x : 0).boxed().toList();
            chart.addSeries(yTitle, categories, values, e).setFillColor(color(colors.isEmpty() ? 0 : colors.get(0)));
            return chart;
        }
        // one series per bar, empty elsewhere: each bar gets its own color and stays centred on its label
        for (int i = 0; i < n; i++) {
            List<Double> y = new ArrayList<>(Collections.nCopies(n, (Double) null));
            y.set(i, values.get(i));
            chart.addSeries(categories.get(i), categories, y).setFillColor(color(colors.get(i)));
        }
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE3E3E3));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setAxisTickMarksColor(new Color(0x888888));
        s.setAxisTickLabelsColor(new Color(0x333333));
        s.setChartFontColor(new Color(0x222222));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setMarkerSize(7);
    }

    private static boolean isInteger(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9;
    }
}
