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
}
