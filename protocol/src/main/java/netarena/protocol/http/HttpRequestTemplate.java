package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The head of one kind of request, built and checked once by {@link HttpRequestEncoder} and written many
 * times without allocating: the load generator writes one per request. The request-target may hold one
 * slot where an unsigned decimal goes (the CPU route's seed, which differs per request); the body, when
 * there is one, is {@link #bodyBytes()} bytes the caller writes right after the head.
 *
 * <p>Immutable; any thread.
 */
public final class HttpRequestTemplate {

    /** The most digits an unsigned 64-bit decimal takes. */
    static final int MAX_SLOT_DIGITS = 20;
    /** How the slot is shown by {@link #requestLine()}. */
    public static final String SLOT = "{id}";

    private final String method;
    private final String target;
    private final byte[] beforeSlot;
    private final byte[] afterSlot;
    private final int bodyBytes;

    /**
     * @param beforeSlot the head up to the slot, or the whole head when {@code afterSlot} is null
     * @param afterSlot  the head after the slot; null when the template has no slot
     */
    HttpRequestTemplate(String method, String target, byte[] beforeSlot, byte[] afterSlot, int bodyBytes) {
        this.method = method;
        this.target = target;
        this.beforeSlot = beforeSlot;
        this.afterSlot = afterSlot;
        this.bodyBytes = bodyBytes;
    }

    /** True when the request-target holds a per-request decimal (see {@link #writeHead}). */
    public boolean hasSlot() {
        return afterSlot != null;
    }

    /** The most bytes {@link #writeHead} writes. */
    public int maxHeadBytes() {
        return beforeSlot.length + (afterSlot == null ? 0 : MAX_SLOT_DIGITS + afterSlot.length);
    }

    /** The body length the head announces (Content-Length); the caller writes that many bytes after the head. */
    public int bodyBytes() {
        return bodyBytes;
    }

    public String method() {
        return method;
    }

    /** {@code method SP request-target}, the slot shown as {@value #SLOT}: for logs and result files. */
    public String requestLine() {
        return method + " " + target;
    }

    /**
     * Writes the head into {@code out} at its position, with {@code slotValue} as unsigned decimal in the
     * slot (ignored when there is none), and advances the position.
     *
     * @return the bytes written
     * @throws java.nio.BufferOverflowException when {@code out} has less than {@link #maxHeadBytes()} left
     */
    public int writeHead(ByteBuffer out, long slotValue) {
        int start = out.position();
        out.put(beforeSlot);
        if (afterSlot != null) {
            writeUnsignedDecimal(out, slotValue);
            out.put(afterSlot);
        }
        return out.position() - start;
    }

    /** The whole head for one slot value, as a new array (tests and one-off requests). */
    public byte[] head(long slotValue) {
        ByteBuffer b = ByteBuffer.allocate(maxHeadBytes());
        writeHead(b, slotValue);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** {@code value} read as unsigned, in decimal ASCII, without allocating. */
    static void writeUnsignedDecimal(ByteBuffer out, long value) {
        int digits = 1;
        for (long rest = Long.divideUnsigned(value, 10); rest != 0; rest /= 10) {
            digits++;
        }
        int end = out.position() + digits;
        long v = value;
        for (int at = end - 1; at >= end - digits; at--) {
            out.put(at, (byte) ('0' + Long.remainderUnsigned(v, 10)));
            v = Long.divideUnsigned(v, 10);
        }
        out.position(end);
    }
}
