package netarena.load;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The request payloads of a run, from one read-only array shared by every connection: request {@code id}
 * carries {@code size} bytes starting at offset {@code id mod PERIOD}, so the bytes differ from one request
 * to the next (an answer to the wrong request does not compare equal) and writing one costs a copy, no
 * allocation. Immutable; any thread.
 */
final class PayloadPattern {

    /** Prime, so consecutive ids start at unrelated offsets for any payload size. */
    static final int PERIOD = 4093;

    private final byte[] bytes;
    private final int size;

    private PayloadPattern(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    /** Payloads of {@code size} bytes, from bytes seeded by {@code seed}. */
    static PayloadPattern of(long seed, int size) {
        byte[] bytes = new byte[PERIOD + size];
        new SplittableRandom(seed).nextBytes(bytes);
        return new PayloadPattern(bytes, size);
    }

    /** Payload bytes per request. */
    int size() {
        return size;
    }

    /** The shared array; request {@code id}'s payload is {@code [offset(id), offset(id) + size())}. Never modify it. */
    byte[] bytes() {
        return bytes;
    }

    int offset(long id) {
        return (int) Long.remainderUnsigned(id, PERIOD);
    }

    /** Null when {@code body} is exactly request {@code id}'s payload, else what is wrong with it. */
    String mismatch(long id, byte[] body) {
        if (body.length != size) {
            return "echo of id " + id + " has " + body.length + " bytes, sent " + size;
        }
        int from = offset(id);
        int at = Arrays.mismatch(body, 0, size, bytes, from, from + size);
        return at < 0 ? null : "echo of id " + id + " differs from what was sent at byte " + at;
    }
}
