package netarena.results.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Adds several agents' interval histograms on one time base: every interval goes to the slot of the
 * common base its start is nearest to, and the histograms of a slot are added (HdrHistogram {@code add},
 * so every recorded value is kept and percentiles come from the sum, never from averaged percentiles).
 * Pure arithmetic on histograms; no files, no clock.
 *
 * <p>Agents tick on their own clocks, each every {@code intervalMillis} from its own start, so their
 * interval starts differ by their start skew; rounding to the nearest slot puts them together as long as
 * the skew stays under half an interval.
 */
public final class IntervalMerge {

    /** The load generator's histograms keep 3 significant digits (netarena.load.LatencyRecorder). */
    static final int SIGNIFICANT_DIGITS = 3;

    private IntervalMerge() {
    }

    /**
     * @param agents         each agent's intervals, in any order
     * @param baseEpochMillis the common time base (the agents' common start instant)
     * @param intervalMillis the agents' interval length, at least 1
     * @return the merged intervals in time order; a slot starts at {@code base + k * intervalMillis} and ends
     *         at the latest end among the intervals that went into it
     */
    public static List<TimedInterval> merge(List<List<TimedInterval>> agents, long baseEpochMillis,
            long intervalMillis) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("intervalMillis must be at least 1, was " + intervalMillis);
        }
        TreeMap<Long, TimedInterval> slots = new TreeMap<>();
        for (List<TimedInterval> agent : agents) {
            for (TimedInterval in : agent) {
                long slot = Math.floorDiv(in.startEpochMillis() - baseEpochMillis + intervalMillis / 2, intervalMillis);
                TimedInterval sum = slots.get(slot);
                if (sum == null) {
                    Histogram h = sum(List.of(in.histogram()));
                    slots.put(slot, new TimedInterval(baseEpochMillis + slot * intervalMillis,
                            Math.max(in.endEpochMillis(), baseEpochMillis + slot * intervalMillis), h));
                } else {
                    sum.histogram().add(in.histogram());
                    slots.put(slot, new TimedInterval(sum.startEpochMillis(),
                            Math.max(sum.endEpochMillis(), in.endEpochMillis()), sum.histogram()));
                }
            }
        }
        return new ArrayList<>(slots.values());
    }

    /**
     * The sum of the histograms given, in an auto-resizing histogram of 3 significant digits from 1: the
     * generator's bucket layout, so the sum's percentiles are those of one histogram holding every value.
     */
    public static Histogram sum(List<Histogram> histograms) {
        Histogram total = new Histogram(SIGNIFICANT_DIGITS);
        for (Histogram h : histograms) {
            total.add(h);
        }
        return total;
    }

    /** The sum of every interval's histogram. */
    public static Histogram total(List<TimedInterval> intervals) {
        return sum(intervals.stream().map(TimedInterval::histogram).toList());
    }
}
