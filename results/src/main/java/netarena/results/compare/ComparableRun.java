package netarena.results.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * A run folder read for {@code compare}: its subjects and what could not be read.
 *
 * @param id       the run folder's name
 * @param dir      the folder
 * @param kind     {@code sweep} (repetitions.csv) or {@code jmh} (jmh.json)
 * @param subjects every cell or benchmark found, in file order
 * @param problems damaged lines skipped and similar, one sentence each
 */
public record ComparableRun(String id, Path dir, String kind, List<Subject> subjects, List<String> problems) {

    public ComparableRun {
        subjects = List.copyOf(subjects);
        problems = List.copyOf(problems);
    }
}
