package netarena.results.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * An XChart chart as SVG markup to inline in HTML: XChart's SVG export (VectorGraphics2D) without its
 * XML prolog and DOCTYPE (whose DTD URL a browser never needs), scaled by CSS through its viewBox,
 * with ids prefixed so that two charts' clip paths cannot collide in one page, and coordinates
 * rounded to 1/100 px (the glyph outlines otherwise make each chart several times larger).
 */
final class SvgChart {

    private static final Pattern LONG_DECIMALS = Pattern.compile("(\\d\\.\\d{2})\\d+");
    private static final Pattern ROOT_SIZE = Pattern.compile("\\s(width|height|x|y)=\"[^\"]*\"");

    private SvgChart() {
    }

    /**
     * Renders {@code chart}; {@code id} must be unique in the page, {@code label} is the accessible name.
     * Headless AWT is switched on before the first chart.
     */
    static String render(Chart<?, ?> chart, String id, String label) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        if (start < 0) {
            throw new IOException("XChart wrote no <svg> element");
        }
        svg = svg.substring(start).strip();
        int rootEnd = svg.indexOf('>');
        String root = ROOT_SIZE.matcher(svg.substring(0, rootEnd)).replaceAll("");
        root += " id=\"" + id + "\" class=\"chart\" role=\"img\" aria-label=\"" + Html.esc(label) + "\"";
        svg = root + svg.substring(rootEnd);
        svg = svg.replace("id=\"clip", "id=\"" + id + "-clip").replace("url(#clip", "url(#" + id + "-clip");
        return LONG_DECIMALS.matcher(svg).replaceAll("$1");
    }
}
