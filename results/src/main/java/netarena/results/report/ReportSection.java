package netarena.results.report;

/**
 * A section that another part of the results module adds to a report, e.g. the capacity answer: a
 * title for the table of contents, an HTML body (trusted, inserted as is, self-contained: no external
 * references) and the Markdown for summary.md (empty to leave it out of the summary).
 *
 * @param id       the anchor, unique in the page, e.g. {@code capacity}
 * @param title    the heading
 * @param html     the body, without the heading
 * @param markdown the body for summary.md, without the heading
 */
public record ReportSection(String id, String title, String html, String markdown) {

    public ReportSection {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("section id must be a letter then letters, digits, - or _: " + id);
        }
    }
}
