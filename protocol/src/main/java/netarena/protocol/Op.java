package netarena.protocol;

/**
 * The request kinds of protocol v1. The code is the byte on the wire.
 *
 * <p>See docs/PROTOCOL.md for what each one costs the server.
 */
public enum Op {
    /** The payload is answered unchanged. */
    ECHO(1),
    /** {@code arg} rounds of a 64-bit LCG seeded with the request id; the answer is the u64 result. */
    CPU(2),
    /** Answered after at least {@code arg} microseconds, from a timer: no thread waits. */
    DELAY(3),
    /** The thread that runs the request sleeps {@code arg} microseconds: a stand-in for a blocking call. */
    BLOCK(4);

    private static final Op[] BY_CODE = {null, ECHO, CPU, DELAY, BLOCK};

    private final int code;

    Op(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The op for a wire code, or {@code null} when the code names no op (answered BAD_REQUEST). */
    public static Op fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Lower-case name as used on the command line and in HTTP paths: {@code echo}, {@code cpu}... */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Op fromLabel(String label) {
        for (Op op : values()) {
            if (op.label().equals(label)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown op '" + label + "': expected one of echo, cpu, delay, block");
    }
}
