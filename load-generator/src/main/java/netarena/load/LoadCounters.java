package netarena.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One event loop's counts, by {@link Count} and phase. Written by that loop only (a plain read and a
 * release store: no lock, no contended atomic); read by the controller at any time for progress and
 * after the loop has finished for the result.
 */
final class LoadCounters {

    private static final int KINDS = Count.VALUES.length;

    /** [0, KINDS): measured phase and connection events; [KINDS, 2 * KINDS): warmup requests. */
    private final AtomicLongArray counts = new AtomicLongArray(2 * KINDS);
    /** HTTP: answers to measured requests by status code (index = the three-digit code). */
    private final AtomicLongArray statuses = new AtomicLongArray(1000);

    /** Adds one; called by the owning event loop only. */
    void add(Count kind, boolean warmup) {
        int i = warmup ? KINDS + kind.ordinal() : kind.ordinal();
        counts.setRelease(i, counts.getPlain(i) + 1);
    }

    /** Adds one to a connection event (counted over the whole run); owning event loop only. */
    void add(Count kind) {
        add(kind, false);
    }

    /** Adds one answer to a measured request with this HTTP status (100 to 999); owning event loop only. */
    void addStatus(int code) {
        statuses.setRelease(code, statuses.getPlain(code) + 1);
    }

    /** Answers to measured requests with this HTTP status so far; any thread. */
    long status(int code) {
        return statuses.getAcquire(code);
    }

    /** The current count; any thread. */
    long get(Count kind, boolean warmup) {
        return counts.getAcquire(warmup ? KINDS + kind.ordinal() : kind.ordinal());
    }
}
