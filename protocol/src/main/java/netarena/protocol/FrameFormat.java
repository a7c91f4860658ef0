package netarena.protocol;

import java.nio.ByteBuffer;

/**
 * The byte layout of protocol v1 frames (docs/PROTOCOL.md): sizes, limits and the encoders.
 *
 * <pre>
 * request:  u32 length | u8 op     | u64 id | u32 arg | payload (length - 13)
 * response: u32 length | u8 status | u64 id |           payload (length - 9)
 * </pre>
 * All integers big-endian; {@code length} counts the bytes after the length field.
 */
public final class FrameFormat {

    public static final int LENGTH_FIELD_BYTES = 4;
    /** Bytes after the length field that every request has: op, id, arg. Also the smallest legal length. */
    public static final int REQUEST_FIXED_BYTES = 1 + 8 + 4;
    /** Bytes after the length field that every response has: status, id. */
    public static final int RESPONSE_FIXED_BYTES = 1 + 8;
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    private FrameFormat() {
    }

    /** Total bytes on the wire of a request with this payload size. */
    public static int requestWireBytes(int payloadBytes) {
        return LENGTH_FIELD_BYTES + REQUEST_FIXED_BYTES + payloadBytes;
    }

    /** Total bytes on the wire of a response with this payload size. */
    public static int responseWireBytes(int payloadBytes) {
        return LENGTH_FIELD_BYTES + RESPONSE_FIXED_BYTES + payloadBytes;
    }

    /** Writes a request into {@code out}, which must have {@link #requestWireBytes} bytes remaining. */
    public static void writeRequest(ByteBuffer out, int opCode, long id, long arg, byte[] payload, int payloadOffset,
            int payloadLength) {
        out.putInt(REQUEST_FIXED_BYTES + payloadLength);
        out.put((byte) opCode);
        out.putLong(id);
        out.putInt((int) arg);
        out.put(payload, payloadOffset, payloadLength);
    }

    /** Writes only the fixed request header; the caller appends {@code payloadLength} payload bytes. */
    public static void writeRequestHeader(ByteBuffer out, int opCode, long id, long arg, int payloadLength) {
        out.putInt(REQUEST_FIXED_BYTES + payloadLength);
        out.put((byte) opCode);
        out.putLong(id);
        out.putInt((int) arg);
    }

    public static byte[] encodeRequest(Request request) {
        ByteBuffer out = ByteBuffer.allocate(requestWireBytes(request.payload().length));
        writeRequest(out, request.opCode(), request.id(), request.arg(), request.payload(), 0, request.payload().length);
        return out.array();
    }

    /** A response frame, flipped and ready to write. */
    public static ByteBuffer encodeResponse(Response response) {
        byte[] payload = response.payload();
        ByteBuffer out = ByteBuffer.allocate(responseWireBytes(payload.length));
        out.putInt(RESPONSE_FIXED_BYTES + payload.length);
        out.put((byte) response.status().code());
        out.putLong(response.id());
        out.put(payload);
        return out.flip();
    }
}
