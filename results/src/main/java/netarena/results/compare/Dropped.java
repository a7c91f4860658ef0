package netarena.results.compare;

/**
 * A subject compared on its OK repetitions while some of one side's were dropped.
 *
 * @param id     the subject
 * @param side   {@code baseline} or {@code current}
 * @param kept   OK repetitions (or forks) compared
 * @param reason which repetitions were dropped and why, as {@link netarena.results.run.CellSummary} words it
 */
public record Dropped(String id, String side, int kept, String reason) {
}
