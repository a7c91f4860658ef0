package netarena.experiments.cell;

import java.util.HashMap;
import java.util.Map;

/**
 * A process's context switches, all threads together, including threads that have exited. Linux reports
 * switches per thread ({@code /proc/PID/task/TID/status}), and a thread that exits takes its count with it:
 * a thread-per-client server's connection threads end when the generator closes its connections, so a sum
 * over the threads alive at the end would miss nearly all of their work. This keeps each thread's last
 * count and, once the thread is gone, adds that count to what has departed. Switches a thread makes between
 * its last reading and its exit are missed, so readings should come often (the sweep's sampler reads every
 * 100 ms). Not thread-safe.
 */
final class SwitchTally {

    private final Map<Long, Long> lastByThread = new HashMap<>();
    private long departed;

    /**
     * Takes a reading of every live thread ({@code tid -> voluntary + involuntary switches so far}) and
     * returns the total: the live threads' counts plus the last counts of every thread seen before and gone
     * since.
     */
    long update(Map<Long, Long> liveByThread) {
        for (Map.Entry<Long, Long> seen : lastByThread.entrySet()) {
            Long now = liveByThread.get(seen.getKey());
            // gone, or a new thread that reuses the id (its count starts again from zero)
            if (now == null || now < seen.getValue()) {
                departed += seen.getValue();
            }
        }
        lastByThread.clear();
        lastByThread.putAll(liveByThread);
        return total();
    }

    /** The total at the last reading. */
    long total() {
        long live = 0;
        for (long count : lastByThread.values()) {
            live += count;
        }
        return departed + live;
    }
}
