package netarena.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one event loop's connections record: counts by {@link Count}, the latency histograms,
 * the requests outstanding and the first few verification failures. Written by that loop's thread only;
 * the controller reads the counters, recorders and outstanding count at any time, and the mismatch
 * samples once the loop has finished.
 */
final class LoopStats {

    static final int MAX_MISMATCH_SAMPLES = 10;

    final LoadCounters counters = new LoadCounters();
    final LatencyRecorder recorders = new LatencyRecorder();
    /** Requests outstanding on this loop's connections; written by the loop, read by the controller. */
    private final AtomicLong outstanding = new AtomicLong();
    private final List<String> mismatchSamples = new ArrayList<>();

    void count(Count kind, boolean warmup) {
        counters.add(kind, warmup);
    }

    /** A whole-run count (connection errors and events). */
    void count(Count kind) {
        counters.add(kind);
    }

    /** A request written; {@code lagNanos} is its send lag, or negative when not an open-loop measured request. */
    void sent(boolean warmup, long lagNanos) {
        outstanding.lazySet(outstanding.get() + 1);
        counters.add(Count.SENT, warmup);
        if (lagNanos >= 0) {
            LatencyRecorder.record(recorders.sendLag, lagNanos);
        }
    }

    /** An outstanding request is settled with {@code outcome} (OK, an error, lost, timed out). */
    void settled(Count outcome, boolean warmup) {
        outstanding.lazySet(outstanding.get() - 1);
        counters.add(outcome, warmup);
    }

    /**
     * A measured request answered OK: its latency from the intended send and from the write.
     *
     * @param inWindow answered before the measured window closed (counted in throughput)
     */
    void answered(long latencyNanos, long serviceNanos, boolean inWindow) {
        LatencyRecorder.record(recorders.latency, latencyNanos);
        LatencyRecorder.record(recorders.service, serviceNanos);
        if (inWindow) {
            counters.add(Count.OK_IN_WINDOW, false);
        }
    }

    /**
     * A request timed out; a measured one enters the latency histogram at {@code latencyNanos}, the time
     * from its intended send until it was found timed out (its service time stays unknown).
     */
    void timedOut(boolean warmup, long latencyNanos) {
        settled(Count.TIMEOUT, warmup);
        if (!warmup) {
            LatencyRecorder.record(recorders.latency, latencyNanos);
        }
    }

    /** An HTTP answer outside 2xx: counted by status code when measured, and described. */
    void httpStatus(int code, boolean warmup, String detail) {
        if (!warmup) {
            counters.addStatus(code);
        }
        sampleMismatch(detail);
    }

    /** A connection opened after {@code nanos}; {@code again} when it had been open before. */
    void connected(long nanos, boolean again) {
        LatencyRecorder.record(recorders.connect, nanos);
        counters.add(Count.ESTABLISHED);
        if (again) {
            counters.add(Count.REOPENED);
        }
    }

    /** Keeps the first few descriptions of what failed verification. */
    void sampleMismatch(String detail) {
        if (mismatchSamples.size() < MAX_MISMATCH_SAMPLES) {
            mismatchSamples.add(detail);
        }
    }

    /** Any thread. */
    long outstanding() {
        return outstanding.get();
    }

    /** The loop's thread, or the controller once the loop has finished. */
    List<String> mismatchSamples() {
        return List.copyOf(mismatchSamples);
    }
}
