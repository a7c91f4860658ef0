package netarena.results.run;

import java.util.List;

/**
 * The rows of a table read back from disk, and what could not be read: a reader of a partial or
 * damaged run keeps the good rows and says which lines it skipped and why.
 *
 * @param problems one line per skipped row or missing file, e.g. {@code repetitions.csv line 7: 12 of 28 columns}
 */
public record Rows<T>(List<T> rows, List<String> problems) {

    public Rows {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static <T> Rows<T> none(String problem) {
        return new Rows<>(List.of(), List.of(problem));
    }
}
