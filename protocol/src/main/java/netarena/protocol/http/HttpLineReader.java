package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects CRLF-terminated lines from bytes that arrive in pieces, within a byte budget: the request
 * line and header fields share one budget (the header limit), each chunk-size line has its own. One per
 * message reader, used by one thread at a time.
 *
 * <p>Memory: the line array starts small and doubles as bytes arrive, so it never holds more than the
 * peer sent nor more than the largest budget given.
 */
final class HttpLineReader {

    private static final int INITIAL_BYTES = 256;

    private byte[] line = new byte[INITIAL_BYTES];
    private int length;
    private boolean complete;
    private int budget;
    private HttpStatus overStatus = HttpStatus.BAD_REQUEST;
    private String overRule = "line too long";

    /**
     * Sets how many bytes (CRLFs included) the lines read from now on may take in total, and the error
     * raised as soon as they take more.
     */
    void budget(int bytes, HttpStatus status, String rule) {
        budget = bytes;
        overStatus = status;
        overRule = rule;
    }

    /**
     * Consumes bytes up to and including the next LF. Returns true when a whole line is held: read it
     * from {@link #bytes()} {@code [0, length())}, CRLF removed, before calling again.
     *
     * @throws HttpRuleException over budget, or when LF is not preceded by CR
     */
    boolean read(ByteBuffer in) {
        if (complete) {
            length = 0;
            complete = false;
        }
        int start = in.position();
        int limit = in.limit();
        int end = start;
        while (end < limit && in.get(end) != '\n') {
            end++;
        }
        boolean found = end < limit;
        int n = (found ? end + 1 : end) - start;
        if (n > budget) {
            throw new HttpRuleException(overStatus, overRule);
        }
        budget -= n;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        in.get(line, length, n);
        length += n;
        if (!found) {
            return false;
        }
        if (length < 2 || line[length - 2] != '\r') {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "lines must end with CRLF, not a bare LF");
        }
        length -= 2;
        complete = true;
        return true;
    }

    /** Changes the error raised once the lines take more than the budget, which keeps what is left of it. */
    void overBudget(HttpStatus status, String rule) {
        overStatus = status;
        overRule = rule;
    }

    /** Bytes the lines may still take under the current budget. */
    int budgetLeft() {
        return budget;
    }

    /** The line array; valid up to {@link #length()} after {@link #read} returned true. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** True when no part of a line is held. */
    boolean atLineStart() {
        return complete || length == 0;
    }

    /** Bytes of memory held, for tests of the memory bound. */
    int capacity() {
        return line.length;
    }
}
