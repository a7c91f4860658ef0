package netarena.protocol;

/** The status byte of a response frame. */
public enum Status {
    OK(0),
    /** Unknown op or an argument out of range; the connection stays open. */
    BAD_REQUEST(1),
    /** The frame itself broke the rules (length); sent with id 0, then the server closes the connection. */
    BAD_FRAME(2),
    /** The worker queue was full; the connection stays open. */
    BUSY(3);

    private static final Status[] BY_CODE = values();

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The status for a wire code, or {@code null} for a code protocol v1 does not define. */
    public static Status fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
