package netarena.results.report;

import java.util.List;

/** Escaping and the one table shape the report uses. */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A table; cells are HTML already escaped by the caller. Columns whose header starts with a space are
     * numeric (right-aligned); the space is not shown. A row shorter than the headers ends in a cell that
     * spans the columns it lacks, left-aligned: room for a sentence (why a cell is not OK) that a narrow
     * numeric column would wrap a word per line.
     */
    static String table(String cssClass, List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"").append(cssClass).append("\"><thead><tr>");
        for (String h : headers) {
            boolean numeric = h.startsWith(" ");
            sb.append(numeric ? "<th class=\"n\">" : "<th>").append(esc(h.strip())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            int span = headers.size() - row.size() + 1;
            for (int c = 0; c < row.size(); c++) {
                if (span > 1 && c == row.size() - 1) {
                    sb.append("<td colspan=\"").append(span).append("\">").append(row.get(c)).append("</td>");
                    continue;
                }
                boolean numeric = c < headers.size() && headers.get(c).startsWith(" ");
                sb.append(numeric ? "<td class=\"n\">" : "<td>").append(row.get(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    /** A figure with its spread, e.g. {@code 1,100 <small>1,000–1,200</small>}. */
    static String withRange(String median, String range) {
        return range.isEmpty() ? esc(median) : esc(median) + " <small>" + esc(range) + "</small>";
    }
}
