package netarena.results.merge;

import org.HdrHistogram.Histogram;

/**
 * One interval of a {@code latency.hlog}: what was recorded between two wall-clock instants.
 *
 * @param startEpochMillis when the interval began, milliseconds since the epoch
 * @param endEpochMillis   when it ended, milliseconds since the epoch
 * @param histogram        its values, microseconds
 */
public record TimedInterval(long startEpochMillis, long endEpochMillis, Histogram histogram) {

    public TimedInterval {
        if (endEpochMillis < startEpochMillis) {
            throw new IllegalArgumentException("an interval must not end (" + endEpochMillis + ") before it starts ("
                    + startEpochMillis + ")");
        }
    }
}
