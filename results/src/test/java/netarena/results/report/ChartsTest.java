package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void percentileAxisLabelsEveryDecade() {
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"),
                List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0).stream().map(Charts::percentileLabel).toList());
        assertEquals(1.0, Charts.spectrumX(0.9), 1e-12);
        assertEquals(3.0, Charts.spectrumX(0.999), 1e-9);
    }

    @Test
    void svgIsInlineReadyWithPrefixedIds() throws IOException {
        String svg = SvgChart.render(Charts.lines("t", "x", "y",
                List.of(new Charts.Line("a", 0, new double[] {16, 64}, new double[] {1, 2})), true), "c7", "a <chart>");
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        assertFalse(svg.contains("DOCTYPE"));
        assertFalse(svg.contains("<?xml"));
        assertTrue(svg.contains("id=\"c7\" class=\"chart\" role=\"img\" aria-label=\"a &lt;chart&gt;\""));
        assertTrue(svg.contains("url(#c7-clip"), "clip paths are renamed with the chart id");
        assertFalse(svg.contains("url(#clip"));
        assertFalse(svg.matches("(?s).*\\d\\.\\d{3}.*"), "coordinates rounded to 1/100 px");
    }

    @Test
    void logAxisLabelsArePlainPowersOfTen() {
        assertEquals(List.of("0.01", "0.1", "1", "10", "1,000"),
                List.of(-2, -1, 0, 1, 3).stream().map(Charts::powerOfTen).toList());
    }

    @Test
    void latencyUnitTurnsToMillisecondsForLargeValues() {
        assertEquals(LatencyUnit.MICROS, LatencyUnit.forMax(9_999));
        assertEquals(LatencyUnit.MILLIS, LatencyUnit.forMax(800_000));
        assertEquals("800", LatencyUnit.MILLIS.format(800_000));
        assertEquals(LatencyUnit.MICROS, LatencyUnit.forMax(Double.NaN));
    }

    @Test
    void aRowShorterThanTheHeadersEndsInACellSpanningTheRest() {
        String t = Html.table("fig", List.of("model", " a", " b", " c"), List.of(List.of("m", "why it failed")));
        assertTrue(t.contains("<td>m</td><td colspan=\"3\">why it failed</td>"), t);
    }

    @Test
    void sparklineNamesItsRangeAndUnit() {
        String s = Sparkline.svg(new double[] {1, 2, 3}, new double[] {1_000, 4_000, 2_000}, true, "p99 (ms)",
                v -> Fmt.num(v / 1000), " ms");
        assertTrue(s.contains("1\u20134 ms"), s);
        assertTrue(s.contains("<polyline"), s);
        assertEquals("", Sparkline.svg(new double[] {1}, new double[] {5}, false, "x", Fmt::num, ""));
    }
}
