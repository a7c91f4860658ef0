package netarena.results.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * The answer of an {@link SloSearch}.
 *
 * @param highestPassingRatePerSecond the highest rate at which the SLO held; NaN when none did
 * @param lowestFailingRatePerSecond  the lowest rate at which it failed; NaN when none did
 * @param kneeRatePerSecond           where the latency percentile first exceeds kneeFactor times its
 *                                    value at the lowest rate probed, interpolated linearly between
 *                                    the two probed rates around the crossing; NaN when it never
 *                                    does within the rates probed
 * @param stop                        why the search ended
 * @param reason                      the same, for a person
 * @param steps                       every probe in the order taken
 */
public record SearchResult(double highestPassingRatePerSecond, double lowestFailingRatePerSecond,
                           double kneeRatePerSecond, Stop stop, String reason, List<SearchStep> steps) {

    public SearchResult {
        steps = List.copyOf(steps);
    }

    /** Why the search ended. */
    public enum Stop {
        /** Highest pass and lowest failure are within the resolution. */
        CONVERGED,
        /** The SLO held at the maximum rate: the server's limit is above it. */
        PASSED_AT_MAX_RATE,
        /** The generator stayed invalid at one rate after the retries. */
        GENERATOR_INVALID,
        /** No rate down to the resolution below the start passed. */
        NOTHING_PASSED,
        /** The step budget ran out first. */
        STEP_LIMIT
    }

    /** True when some rate passed. */
    public boolean found() {
        return !Double.isNaN(highestPassingRatePerSecond);
    }

    /** The valid steps sorted by rate: the throughput-latency curve. */
    public List<SearchStep> curve() {
        return steps.stream().filter(s -> s.outcome() != SearchStep.Outcome.INVALID)
                .sorted(Comparator.comparingDouble(SearchStep::ratePerSecond)).toList();
    }
}
