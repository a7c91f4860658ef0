package netarena.results.report;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a figure: a chart (inline SVG) beside the table of its exact figures, under one caption. A
 * chart that cannot be drawn (no data, or AWT failing on a machine without fonts) becomes a sentence
 * in its place and a note at the top of the report; the table is written either way.
 */
final class FigureWriter {

    private final List<String> notes = new ArrayList<>();
    private int drawn;

    /** Thrown by a chart supplier that has nothing to draw; the message says why. */
    static final class NothingToDraw extends RuntimeException {
        NothingToDraw(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * @param id      unique in the page
     * @param title   the chart's accessible name and the figure's heading
     * @param caption what is drawn and how the cells were chosen (HTML)
     * @param chart   builds the chart, or throws {@link NothingToDraw}
     * @param table   the table of figures (HTML)
     * @param tableBelow put the table under the chart, for a table too wide to sit beside it
     */
    String figure(String id, String title, String caption, Supplier<Chart<?, ?>> chart, String table,
            boolean tableBelow) {
        String plot;
        try {
            plot = SvgChart.render(chart.get(), id, title);
            drawn++;
        } catch (NothingToDraw e) {
            plot = "<p class=\"nochart\">No chart: " + Html.esc(e.getMessage()) + "</p>";
        } catch (Exception | LinkageError | InternalError | AWTError e) {
            // a chart is never worth losing the report: XChart and AWT fail in many ways on odd machines
            // (no fonts or no fontconfig: InternalError, UnsatisfiedLinkError, NoClassDefFoundError)
            notes.add("chart \"" + title + "\" could not be drawn: " + e.getClass().getSimpleName() + ": "
                    + RunData.oneLine(e));
            plot = "<p class=\"nochart\">The chart could not be drawn (" + Html.esc(RunData.oneLine(e))
                    + "); the table has its figures.</p>";
        }
        return "<figure class=\"fig\" id=\"" + id + "-fig\"><h3>" + Html.esc(title) + "</h3>"
                + "<div class=\"figbody" + (tableBelow ? " stacked" : "") + "\"><div class=\"plot\">" + plot + "</div>"
                + "<div class=\"side\">" + table + "</div></div>"
                + "<figcaption>" + caption + "</figcaption></figure>\n";
    }

    /** Charts drawn so far. */
    int drawn() {
        return drawn;
    }

    List<String> notes() {
        return notes;
    }
}
