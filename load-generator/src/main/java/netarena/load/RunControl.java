package netarena.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the controller and the event loops share: the run's clock marks, the stop flag and the request
 * budget. The marks are set before the loops are told to start; the controller may move the end of the
 * warmup (and with it the end of sending) earlier once, when the warmup has done its work, so they are
 * volatile. The rest is safe from any thread.
 */
final class RunControl {

    private final long requestBudget;
    private final AtomicLong permits;
    private final Thread controller;
    private volatile boolean sendingStopped;
    private volatile boolean budgetSpent;
    private volatile long budgetSpentAtNanos;
    private volatile long sendStoppedAtNanos = Long.MAX_VALUE;

    /** {@link System#nanoTime} at which the run starts. */
    long startNanos;
    /**
     * {@link System#nanoTime} from which an open loop's intended times count: the start, or the end of a
     * warmup at full speed (set by the controller before it tells the loops to begin pacing).
     */
    volatile long scheduleOriginNanos;
    /** Requests intended (open loop) or sent (closed loop) before this are warmup requests. */
    volatile long warmupEndNanos;
    /** No request intended at or after this is sent: the end of the measured phase's time bound. */
    volatile long sendEndNanos;

    RunControl(long requests, Thread controller) {
        this.requestBudget = requests;
        this.permits = new AtomicLong(requests);
        this.controller = controller;
    }

    void setMarks(long start, long warmupEnd, long sendEnd) {
        startNanos = start;
        scheduleOriginNanos = start;
        warmupEndNanos = warmupEnd;
        sendEndNanos = sendEnd;
    }

    /**
     * Ends the warmup at {@code now}, before its planned end: the measured phase sends for
     * {@code durationNanos} from here. Called by the controller only, before the measured phase begins. A
     * loop that reads the marks between the two writes may class a request sent at that instant as warmup.
     */
    void endWarmupAt(long now, long durationNanos) {
        sendEndNanos = now + durationNanos;
        warmupEndNanos = now;
    }

    /**
     * Ends a warmup at full speed: the measured phase, and the schedule, start at {@code origin} and send
     * for {@code durationNanos}. Called by the controller only, before it tells the loops to begin pacing.
     */
    void startScheduleAt(long origin, long durationNanos) {
        scheduleOriginNanos = origin;
        endWarmupAt(origin, durationNanos);
    }

    /**
     * Takes the right to send one measured request: always granted when the run is bounded by time only,
     * otherwise one of the {@code requests} permits. The loop that takes the last one wakes the controller.
     */
    boolean takePermit() {
        if (requestBudget == 0) {
            return true;
        }
        long left = permits.getAndDecrement();
        if (left == 1) {
            budgetSpentAtNanos = System.nanoTime();
            budgetSpent = true;
            wakeController();
        }
        return left > 0;
    }

    boolean budgetSpent() {
        return budgetSpent;
    }

    long budgetSpentAtNanos() {
        return budgetSpentAtNanos;
    }

    /** Stops all sending from now on; the first call's time is kept. */
    void stopSending() {
        if (!sendingStopped) {
            sendStoppedAtNanos = System.nanoTime();
            sendingStopped = true;
        }
    }

    /** When {@link #stopSending} was first called, or {@link Long#MAX_VALUE}. */
    long sendStoppedAtNanos() {
        return sendStoppedAtNanos;
    }

    /**
     * The end of the measured window, {@link System#nanoTime}: the time bound, the stop or the moment the
     * request budget was spent, whichever came first; {@link Long#MAX_VALUE} while none has.
     */
    long windowEndNanos() {
        long end = Math.min(sendEndNanos, sendStoppedAtNanos);
        return budgetSpent ? Math.min(end, budgetSpentAtNanos) : end;
    }

    boolean sendingStopped() {
        return sendingStopped;
    }

    void wakeController() {
        LockSupport.unpark(controller);
    }
}
