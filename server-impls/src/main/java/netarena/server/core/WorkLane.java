package netarena.server.core;

import java.util.ArrayDeque;

/**
 * One connection's work, and its bound: the tasks it queued for the workers ({@link FairWorkPool}), and what
 * its requests that hold a thread (CPU, BLOCK) declared, queued or running. Past either bound a request is
 * answered BUSY at once, while every other connection is served as before. The first request is always taken,
 * however much it declares, so any single valid request can be served.
 *
 * <p>The same bound holds when work runs on the I/O thread ({@code runWorkOnIoThreads}): there the work
 * counted is what ran inline since the connection last read from its socket, so one read cannot make an I/O
 * thread run more than the bound (after its first request).
 *
 * <p>Threads: the queue and the queued counts are guarded by the pool's lock; the inline count is the
 * connection's reading thread's own.
 */
final class WorkLane {

    /** Tasks one connection may have queued or running on the workers. */
    static final int MAX_TASKS_PER_CONNECTION = 256;
    /** Declared work one connection may have queued or running, in microseconds (1 s); see {@link WorkLane}. */
    static final long MAX_DECLARED_MICROS_PER_CONNECTION = 1_000_000;

    /** One unit of work and what it declared, in microseconds. */
    record Task(Runnable run, long declaredMicros) {
    }

    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    /** Tasks queued or running. */
    private int taken;
    private long declaredMicros;
    /** True while the lane is in the pool's ring or waiting for a long slot. Pool lock. */
    boolean scheduled;
    /** True while the lane waits for a long slot, set aside from the ring. Pool lock. */
    boolean heldBack;
    /** Declared work run inline since the last socket read; reading thread. */
    private long inlineMicros;

    /** True when one more task declaring {@code micros} fits this connection's bound. Pool lock. */
    boolean admits(long micros) {
        return taken == 0 || (taken < MAX_TASKS_PER_CONNECTION
                && declaredMicros + micros <= MAX_DECLARED_MICROS_PER_CONNECTION);
    }

    void add(Task task) {
        tasks.addLast(task);
        taken++;
        declaredMicros += task.declaredMicros();
    }

    Task peek() {
        return tasks.peekFirst();
    }

    Task poll() {
        return tasks.pollFirst();
    }

    boolean hasQueued() {
        return !tasks.isEmpty();
    }

    /** Tasks queued, not yet taken. Pool lock. */
    int size() {
        return tasks.size();
    }

    /** A task of this lane finished running. Pool lock. */
    void done(long micros) {
        taken--;
        declaredMicros -= micros;
    }

    /** The connection read from its socket: inline work counts afresh. Reading thread. */
    void socketRead() {
        inlineMicros = 0;
    }

    /**
     * Counts work about to run inline, or returns false when it would pass the bound (BUSY). Reading thread.
     */
    boolean admitsInline(long micros) {
        if (inlineMicros > 0 && inlineMicros + micros > MAX_DECLARED_MICROS_PER_CONNECTION) {
            return false;
        }
        inlineMicros += micros;
        return true;
    }
}
