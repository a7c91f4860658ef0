package netarena.load;

import java.util.Arrays;

/**
 * The requests one connection has sent and not yet settled, keyed by their sequence number. Sequence
 * numbers are handed out here, 1, 2, 3..., in send order, so lookup is an array index and the oldest
 * request is always at the head: a ring of parallel primitive arrays, no allocation per request.
 *
 * <p>A request is {@link #MEASURED} or {@link #WARMUP} until its answer arrives ({@link #release}) or
 * it times out; a timed-out request stays as {@link #TIMED_OUT} until its late answer comes or the
 * connection closes, however long the server stalls, so that a late answer is recognised as late rather
 * than as an answer to nothing. Only when more than {@code maxTimedOutHeld} are held are the oldest
 * forgotten; an answer to one of those is {@link #FORGOTTEN}: late, but no longer checkable against
 * a duplicate.
 *
 * <p>Not thread-safe: owned by one connection and used on its event loop only. Memory grows with the
 * requests outstanding at once (doubling), which the caller bounds by its pipeline depth (closed loop)
 * or by rate times timeout (open loop), plus at most {@code maxTimedOutHeld} timed-out requests.
 */
final class OutstandingWindow {

    static final byte FREE = 0;
    static final byte MEASURED = 1;
    static final byte WARMUP = 2;
    static final byte TIMED_OUT = 3;
    /** Sent on this connection, timed out, and dropped from memory to keep the bound: an answer is late. */
    static final byte FORGOTTEN = 4;

    private final int maxTimedOutHeld;

    private long[] intendedNanos;
    private long[] writtenNanos;
    private byte[] state;
    private int mask;
    /** The oldest sequence number still held; everything below it is settled. */
    private long head = 1;
    /** The next sequence number to hand out. */
    private long tail = 1;
    private int outstanding;
    private int outstandingWarmup;
    private int timedOutHeld;
    /** Every request below this sequence number has been looked at by {@link #expire}: the next scan starts here. */
    private long expiredBelow = 1;
    /** Timed-out requests below this sequence number may have been forgotten; 0 when none was. */
    private long forgottenBelow;

    OutstandingWindow(int initialCapacity, int maxTimedOutHeld) {
        if (maxTimedOutHeld < 1) {
            throw new IllegalArgumentException("maxTimedOutHeld must be at least 1: " + maxTimedOutHeld);
        }
        this.maxTimedOutHeld = maxTimedOutHeld;
        int capacity = Integer.highestOneBit(Math.max(2, initialCapacity) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        intendedNanos = new long[capacity];
        writtenNanos = new long[capacity];
        state = new byte[capacity];
        mask = capacity - 1;
    }

    /** Records a request about to be written and returns its sequence number. */
    long add(long intended, long written, boolean warmup) {
        if (tail - head == state.length) {
            grow();
        }
        long seq = tail++;
        int i = (int) (seq & mask);
        intendedNanos[i] = intended;
        writtenNanos[i] = written;
        state[i] = warmup ? WARMUP : MEASURED;
        outstanding++;
        if (warmup) {
            outstandingWarmup++;
        }
        return seq;
    }

    /**
     * The state of {@code seq}: {@link #FREE} when it was never handed out on this connection or is
     * settled, {@link #FORGOTTEN} when it may be a timed-out request dropped to keep the memory bound.
     */
    byte state(long seq) {
        byte s = seq >= head && seq < tail ? state[(int) (seq & mask)] : FREE;
        return s == FREE && seq < forgottenBelow ? FORGOTTEN : s;
    }

    long intendedNanos(long seq) {
        return intendedNanos[(int) (seq & mask)];
    }

    long writtenNanos(long seq) {
        return writtenNanos[(int) (seq & mask)];
    }

    /** Settles {@code seq}, whose {@link #state} must be {@link #MEASURED}, {@link #WARMUP} or {@link #TIMED_OUT}. */
    void release(long seq) {
        int i = (int) (seq & mask);
        settle(state[i]);
        state[i] = FREE;
        advanceHead();
    }

    /**
     * Times out every outstanding request written at or before {@code expiredNanos}, reporting each to
     * {@code sink}; then, past {@code maxTimedOutHeld}, forgets the oldest timed-out requests.
     */
    void expire(long expiredNanos, TimeoutSink sink) {
        long seq = Math.max(head, expiredBelow);
        for (; seq < tail; seq++) {
            int i = (int) (seq & mask);
            if (writtenNanos[i] > expiredNanos) {
                break; // written in send order: everything after this one is younger
            }
            byte s = state[i];
            if (s == MEASURED || s == WARMUP) {
                state[i] = TIMED_OUT;
                settle(s);
                timedOutHeld++;
                sink.timedOut(s == WARMUP, intendedNanos[i]);
            }
        }
        expiredBelow = seq;
        for (seq = head; seq < tail && timedOutHeld > maxTimedOutHeld; seq++) {
            int i = (int) (seq & mask);
            if (state[i] == TIMED_OUT) {
                state[i] = FREE;
                timedOutHeld--;
                forgottenBelow = seq + 1;
            }
        }
        advanceHead();
    }

    private void advanceHead() {
        while (head < tail && state[(int) (head & mask)] == FREE) {
            head++;
        }
    }

    /** Tells {@code sink} about every request still outstanding (not timed out), oldest first; changes nothing. */
    void forEachOutstanding(OutstandingSink sink) {
        for (long seq = head; seq < tail; seq++) {
            byte s = state[(int) (seq & mask)];
            if (s == MEASURED || s == WARMUP) {
                sink.outstanding(seq, s == WARMUP);
            }
        }
    }

    /** Forgets everything (the connection closed), reporting each request still outstanding; numbering goes on. */
    void clear(TimeoutSink lostSink) {
        for (long seq = head; seq < tail; seq++) {
            byte s = state[(int) (seq & mask)];
            if (s == MEASURED || s == WARMUP) {
                lostSink.timedOut(s == WARMUP, intendedNanos[(int) (seq & mask)]);
            }
        }
        Arrays.fill(state, FREE);
        head = tail;
        outstanding = 0;
        outstandingWarmup = 0;
        timedOutHeld = 0;
        forgottenBelow = 0; // a late answer cannot come on the next connection
    }

    private void settle(byte s) {
        if (s == MEASURED || s == WARMUP) {
            outstanding--;
            if (s == WARMUP) {
                outstandingWarmup--;
            }
        } else if (s == TIMED_OUT) {
            timedOutHeld--;
        }
    }

    /** Requests sent and neither answered, timed out nor lost. */
    int outstanding() {
        return outstanding;
    }

    /** Timed-out requests still remembered, waiting for a late answer. */
    int timedOutHeld() {
        return timedOutHeld;
    }

    /** Of {@link #outstanding}, those sent during the warmup. */
    int outstandingWarmup() {
        return outstandingWarmup;
    }

    /** The sequence number the next {@link #add} returns. */
    long nextSeq() {
        return tail;
    }

    int capacity() {
        return state.length;
    }

    private void grow() {
        long[] oldIntended = intendedNanos;
        long[] oldWritten = writtenNanos;
        byte[] oldState = state;
        int oldMask = mask;
        allocate(oldState.length * 2);
        for (long seq = head; seq < tail; seq++) {
            int from = (int) (seq & oldMask);
            int to = (int) (seq & mask);
            intendedNanos[to] = oldIntended[from];
            writtenNanos[to] = oldWritten[from];
            state[to] = oldState[from];
        }
    }

    /** Told about one outstanding request: its sequence number and whether it was a warmup request. */
    @FunctionalInterface
    interface OutstandingSink {
        void outstanding(long seq, boolean warmup);
    }

    /** Told about each request that timed out or was lost: whether it was a warmup request, and its intended time. */
    @FunctionalInterface
    interface TimeoutSink {
        void timedOut(boolean warmup, long intendedNanos);
    }
}
