package netarena.load;

/**
 * What the engine counts. Request outcomes are kept apart for the warmup and the measured phase (by the
 * phase the request was sent in); connection events are counted over the whole run.
 */
enum Count {
    /** Requests written. */
    SENT,
    /** Answered OK and verified. */
    OK,
    /** An answer to a request already counted as a timeout (not an error: the timeout was). */
    LATE,
    /** No answer within the timeout. */
    TIMEOUT,
    /** Outstanding when its connection closed: it will never be answered. */
    LOST,
    /**
     * Open loop: never sent, because its connection was down from before its intended time until more
     * than the timeout after it (it would have timed out anyway); not an error in itself, the closed or
     * failed connection is.
     */
    UNSENT,
    /** Answered BAD_REQUEST. */
    BAD_REQUEST,
    /** Answered BUSY. */
    BUSY,
    /** HTTP: answered with a status outside 2xx (also counted by status code). */
    HTTP_STATUS,
    /**
     * Sent again on a new connection because the server announced it would close (HTTP
     * {@code Connection: close}) before reading it; not an error, and not sent twice in {@link #SENT}.
     */
    RESENT,
    /** An answer to an outstanding request whose body is wrong (reported under mismatch). */
    MISMATCH,
    /** An answer whose id names no request outstanding on its connection (reported under mismatch). */
    STRAY,
    /** A connection attempt that failed (refused, timed out, unreachable). */
    CONNECT_FAILED,
    /** A connection reset or closed by the peer while the run went on, without saying so first. */
    CLOSED,
    /** A connection the server closed after announcing it (HTTP {@code Connection: close}); reopened, not an error. */
    SERVER_CLOSED,
    /** A BAD_FRAME answer: the server could not read our bytes and closes the connection. */
    BAD_FRAME,
    /** Bytes from the server that are not protocol frames at all; the connection is closed and reopened. */
    MALFORMED,
    /** A connection that became usable (first time or again). */
    ESTABLISHED,
    /** A connection established again after it closed or failed. */
    REOPENED;

    static final Count[] VALUES = values();
}
