package netarena.server.core;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Which task runs next, whatever thread runs it: the ring of connections ({@link WorkLane}s) with work queued,
 * served in turn, one task per lane per turn, and the bounds every {@link FairWorkPool} keeps.
 *
 * <pre>
 *   ring:  [lane A] -> [lane B] -> [lane C]        take(): A's first task, A to the back if it has more
 *   long work waiting for a long slot: [lane D]   (back into the ring when a long task ends)
 * </pre>
 *
 * <p>Bounds: {@link #offer} refuses past {@code maxQueued} tasks waiting in all lanes, or past a lane's own
 * bound ({@link WorkLane#admits}). At most {@code maxLongRunning} tasks of long work (a declared cost of
 * {@link #LONG_WORK_MICROS} or more) run at once, so the other threads stay free for short work.
 *
 * <p>Threads: not thread-safe; its pool's lock guards it and every lane's queue.
 */
final class LaneRing {

    /** Declared work at or above this many microseconds (100 ms) is long: it may take only the long slots. */
    static final long LONG_WORK_MICROS = 100_000;

    /** A task taken to run, and the lane it came from. */
    record Turn(WorkLane lane, WorkLane.Task task) {
        boolean isLong() {
            return LaneRing.isLong(task);
        }
    }

    private final ArrayDeque<WorkLane> ring = new ArrayDeque<>();
    /** Lanes whose next task is long while every long slot is taken. */
    private final ArrayDeque<WorkLane> waitingForLongSlot = new ArrayDeque<>();
    private final int maxQueued;
    private final int maxLongRunning;
    private int queued;
    /** Of {@link #queued}, the tasks of the lanes in {@link #waitingForLongSlot}: none may run now. */
    private int heldBack;
    private int longRunning;

    /**
     * @param maxQueued      tasks that may wait in all lanes together (the worker queue)
     * @param maxLongRunning long tasks that may run at once
     */
    LaneRing(int maxQueued, int maxLongRunning) {
        if (maxQueued < 1 || maxLongRunning < 1) {
            throw new IllegalArgumentException("maxQueued and maxLongRunning must be >= 1, were " + maxQueued
                    + " and " + maxLongRunning);
        }
        this.maxQueued = maxQueued;
        this.maxLongRunning = maxLongRunning;
    }

    int maxLongRunning() {
        return maxLongRunning;
    }

    /** Queues {@code task} on {@code lane}, or returns false past the queue's or the lane's bound (BUSY). */
    boolean offer(WorkLane lane, WorkLane.Task task) {
        if (queued >= maxQueued || !lane.admits(task.declaredMicros())) {
            return false;
        }
        lane.add(task);
        queued++;
        if (lane.heldBack) {
            heldBack++;
        }
        if (!lane.scheduled) {
            lane.scheduled = true;
            ring.addLast(lane);
        }
        return true;
    }

    /** True when some lane may have a task to run now (it may turn out to wait for a long slot). */
    boolean hasRunnable() {
        return !ring.isEmpty();
    }

    /**
     * Tasks queued that may run once a thread takes them: all but those of the lanes set aside for a long slot
     * (a lane still in the ring whose next task is long counts until a {@link #take} sets it aside).
     */
    int waiting() {
        return queued - heldBack;
    }

    /**
     * The next task that may run now, counted as running until {@link #finished}; null when none may (nothing
     * queued, or only long work while the long slots are taken). Lanes held back for a long slot wait aside.
     */
    Turn take() {
        for (Iterator<WorkLane> it = ring.iterator(); it.hasNext(); ) {
            WorkLane lane = it.next();
            it.remove();
            if (isLong(lane.peek()) && longRunning >= maxLongRunning) {
                waitingForLongSlot.addLast(lane);
                lane.heldBack = true;
                heldBack += lane.size();
                continue;
            }
            WorkLane.Task task = lane.poll();
            queued--;
            if (isLong(task)) {
                longRunning++;
            }
            if (lane.hasQueued()) {
                ring.addLast(lane);
            } else {
                lane.scheduled = false;
            }
            return new Turn(lane, task);
        }
        return null;
    }

    /** A task {@link #take} gave has ended; a long one frees its slot for the lanes waiting for one. */
    void finished(Turn turn) {
        turn.lane().done(turn.task().declaredMicros());
        if (turn.isLong()) {
            longRunning--;
            for (WorkLane lane : waitingForLongSlot) {
                lane.heldBack = false;
                heldBack -= lane.size();
            }
            ring.addAll(waitingForLongSlot);
            waitingForLongSlot.clear();
        }
    }

    private static boolean isLong(WorkLane.Task task) {
        return task.declaredMicros() >= LONG_WORK_MICROS;
    }
}
