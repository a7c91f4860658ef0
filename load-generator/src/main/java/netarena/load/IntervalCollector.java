package netarena.load;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Gathers one kind of histogram (latency, say) from every event loop's recorder: each {@link #sample}
 * takes the interval since the last one from all of them, adds them up, and optionally adds the interval
 * to the run's total. Used by the controller thread only.
 */
final class IntervalCollector {

    private final List<SingleWriterRecorder> recorders;
    private final Histogram[] recycled;
    private final Histogram interval = LatencyRecorder.newHistogram();
    private final Histogram total = LatencyRecorder.newHistogram();

    IntervalCollector(List<SingleWriterRecorder> recorders) {
        this.recorders = List.copyOf(recorders);
        this.recycled = new Histogram[recorders.size()];
    }

    /**
     * The values recorded since the previous sample, summed over the recorders. The returned histogram is
     * reused by the next call.
     *
     * @param keep add the interval to the total (false for the warmup)
     */
    Histogram sample(boolean keep) {
        interval.reset();
        for (int i = 0; i < recycled.length; i++) {
            recycled[i] = recycled[i] == null
                    ? recorders.get(i).getIntervalHistogram()
                    : recorders.get(i).getIntervalHistogram(recycled[i]);
            interval.add(recycled[i]);
        }
        if (keep) {
            total.add(interval);
        }
        return interval;
    }

    /** Everything kept so far. */
    Histogram total() {
        return total;
    }
}
