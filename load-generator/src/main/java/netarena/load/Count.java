package netarena.load;

/**
 * What the engine counts, each with its category and scope: request outcomes and request errors are kept
 * apart for the warmup and the measured phase (by the phase the request was sent in); connection errors
 * and connection events are counted over the whole run. {@link LoadTally} turns the counts into a
 * result from these attributes alone, so a new kind is one constant here.
 */
enum Count {
    /** Requests written. */
    SENT(Category.OUTCOME, null),
    /** Answered OK and verified. */
    OK(Category.OUTCOME, null),
    /**
     * Of {@link #OK}: answered inside the measured window (before sending stopped), the answers that
     * throughput counts; an answer that arrives during the drain is OK but outside it.
     */
    OK_IN_WINDOW(Category.OUTCOME, null),
    /** An answer to a request already counted as a timeout (not an error: the timeout was). */
    LATE(Category.OUTCOME, null),
    /**
     * Open loop: never sent, because its connection was down from before its intended time until more
     * than the timeout after it (it would have timed out anyway); not an error in itself, the closed or
     * failed connection is.
     */
    UNSENT(Category.OUTCOME, null),
    /**
     * Sent again on a new connection because the server announced it would close (HTTP
     * {@code Connection: close}) before reading it; not an error, and not sent twice in {@link #SENT}.
     */
    RESENT(Category.OUTCOME, null),
    /** No answer within the timeout. */
    TIMEOUT(Category.REQUEST_ERROR, ErrorKind.TIMEOUT),
    /** Outstanding when its connection closed: it will never be answered. */
    LOST(Category.REQUEST_ERROR, ErrorKind.LOST),
    /** Answered BAD_REQUEST. */
    BAD_REQUEST(Category.REQUEST_ERROR, ErrorKind.BAD_REQUEST),
    /** Answered BUSY. */
    BUSY(Category.REQUEST_ERROR, ErrorKind.BUSY),
    /** HTTP: answered with a status outside 2xx (also counted by status code). */
    HTTP_STATUS(Category.REQUEST_ERROR, ErrorKind.HTTP_STATUS),
    /** An answer to an outstanding request whose body is wrong. */
    MISMATCH(Category.REQUEST_ERROR, ErrorKind.MISMATCH),
    /** An answer whose id names no request outstanding on its connection. */
    STRAY(Category.CONNECTION_ERROR, ErrorKind.MISMATCH),
    /** A connection attempt that failed (refused, timed out, unreachable). */
    CONNECT_FAILED(Category.CONNECTION_ERROR, ErrorKind.CONNECT_FAILED),
    /** A connection reset or closed by the peer while the run went on, without saying so first. */
    CLOSED(Category.CONNECTION_ERROR, ErrorKind.CLOSED),
    /** A BAD_FRAME answer: the server could not read our bytes and closes the connection. */
    BAD_FRAME(Category.CONNECTION_ERROR, ErrorKind.BAD_FRAME),
    /** Bytes from the server that are not protocol frames at all; the connection is closed and reopened. */
    MALFORMED(Category.CONNECTION_ERROR, ErrorKind.MALFORMED),
    /** A connection that became usable (first time or again). */
    ESTABLISHED(Category.CONNECTION_EVENT, null),
    /** A connection established again after it closed or failed. */
    REOPENED(Category.CONNECTION_EVENT, null),
    /** A connection the server closed after announcing it (HTTP {@code Connection: close}); reopened, not an error. */
    SERVER_CLOSED(Category.CONNECTION_EVENT, null);

    /** What a count is about, which decides how the tally reports it. */
    enum Category {
        /** What became of a request, not an error; by phase. */
        OUTCOME,
        /** A request that failed; by phase, and one of the phase's failed requests. */
        REQUEST_ERROR,
        /** An error of a connection; over the whole run. */
        CONNECTION_ERROR,
        /** Something a connection did, not an error; over the whole run. */
        CONNECTION_EVENT
    }

    static final Count[] VALUES = values();

    final Category category;
    /** The kind it is reported under, or null when it is not an error. */
    final ErrorKind error;

    Count(Category category, ErrorKind error) {
        this.category = category;
        this.error = error;
    }

    /** What an answer to an outstanding request counts as. */
    static Count of(Verdict verdict) {
        return switch (verdict) {
            case OK -> OK;
            case BAD_REQUEST -> BAD_REQUEST;
            case BUSY -> BUSY;
            // the protocol sends BAD_FRAME with id 0, which never names a request: this one breaks the rule
            case BAD_FRAME, MISMATCH -> MISMATCH;
            case HTTP_STATUS -> HTTP_STATUS;
        };
    }

    /** True when warmup and measured requests are counted apart; false for whole-run counts. */
    boolean byPhase() {
        return category == Category.OUTCOME || category == Category.REQUEST_ERROR;
    }
}
