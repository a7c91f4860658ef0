package netarena.results.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import netarena.results.run.CellSummary;

/**
 * The reasons of the cells that are not OK in one table of figures, as numbered notes under it: the
 * table's cell shows the status badge and a number, so a reason of a dozen words does not wrap a word
 * per line in a narrow figure column. Equal reasons share a number. Used by one thread, for one table.
 */
final class ReasonNotes {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    /**
     * The status badge of {@code cell} with the number of its reason (a new number for a new reason); the
     * badge alone when it has no reason (an OK cell whose repetitions were all OK).
     */
    String mark(CellSummary cell) {
        if (cell.reasons().isBlank()) {
            return WorkloadSection.badge(cell);
        }
        int n = numbers.computeIfAbsent(cell.reasons(), r -> numbers.size() + 1);
        return WorkloadSection.badge(cell) + "<sup class=\"fn\">" + n + "</sup>";
    }

    /** {@code table} followed by the numbered reasons, if any cell was marked. */
    String under(String table) {
        if (numbers.isEmpty()) {
            return table;
        }
        return table + "<ol class=\"reasons\">" + numbers.entrySet().stream()
                .map(e -> "<li value=\"" + e.getValue() + "\">" + Html.esc(e.getKey()) + "</li>")
                .collect(Collectors.joining()) + "</ol>";
    }
}
