package netarena.results.stats;

/**
 * Two intervals of one ratio from the same bootstrap resamples.
 *
 * @param decision    the interval at the configured confidence, e.g. 95%: a change verdict needs it
 *                    wholly beyond the threshold
 * @param equivalence the small-sample expanded interval (wider; its {@code confidence} field is the
 *                    nominal coverage it was read at): UNCHANGED needs it wholly within the threshold
 */
public record BootstrapIntervals(RatioInterval decision, RatioInterval equivalence) {
}
