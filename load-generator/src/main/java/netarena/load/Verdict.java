package netarena.load;

/** What one answer says about its request, once checked. */
public enum Verdict {
    /** Status OK and the body is what the request asked for. */
    OK,
    /** The server refused the request (unknown op or argument out of range); the connection stays open. */
    BAD_REQUEST,
    /** The server could not read our frame and is closing the connection; such answers carry id 0. */
    BAD_FRAME,
    /** The server's work queue was full. */
    BUSY,
    /** Status OK but the body is wrong: a payload that differs from what was sent, or a wrong CPU result. */
    MISMATCH,
    /** HTTP: a status outside 2xx (the body is not checked). */
    HTTP_STATUS
}
