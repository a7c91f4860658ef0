package netarena.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Incremental decoder of length-prefixed frames: feed it bytes as they arrive, in chunks of any size,
 * and it returns each frame once it is whole. One instance per connection, used by one thread at a time.
 *
 * <p>Memory is bounded by what the peer has actually sent, not by what it announced: the payload array
 * grows as bytes arrive (doubling, capped at the announced size), so a slow client that announces a
 * 1 MiB frame and sends one byte a second holds a few KiB, not a megabyte.
 *
 * @param <T> the decoded frame: {@link Request} for a server, {@link Response} for a client
 */
public final class FrameDecoder<T> {

    private static final int INITIAL_PAYLOAD_BYTES = 4096;

    /** Builds the decoded value from the fixed header (positioned after the length) and the payload. */
    @FunctionalInterface
    private interface FrameFactory<T> {
        T create(ByteBuffer fixedHeader, byte[] payload);
    }

    private final int fixedBytes;
    private final int maxFrameBytes;
    private final FrameFactory<T> factory;
    private final ByteBuffer header;

    private byte[] payload;
    private int payloadLength = -1;
    private int payloadFilled;

    private FrameDecoder(int fixedBytes, int maxFrameBytes, FrameFactory<T> factory) {
        if (maxFrameBytes < fixedBytes) {
            throw new IllegalArgumentException("maxFrameBytes must be at least " + fixedBytes + ", was " + maxFrameBytes);
        }
        this.fixedBytes = fixedBytes;
        this.maxFrameBytes = maxFrameBytes;
        this.factory = factory;
        this.header = ByteBuffer.allocate(FrameFormat.LENGTH_FIELD_BYTES + fixedBytes);
    }

    /** A server's decoder: requests whose length lies in [13, maxFrameBytes]. */
    public static FrameDecoder<Request> requests(int maxFrameBytes) {
        return new FrameDecoder<>(FrameFormat.REQUEST_FIXED_BYTES, maxFrameBytes, (h, payload) -> {
            int op = h.get() & 0xFF;
            long id = h.getLong();
            long arg = h.getInt() & 0xFFFF_FFFFL;
            return new Request(op, id, arg, payload);
        });
    }

    /** A client's decoder: responses whose length lies in [9, maxFrameBytes]; unknown status codes are errors. */
    public static FrameDecoder<Response> responses(int maxFrameBytes) {
        return new FrameDecoder<>(FrameFormat.RESPONSE_FIXED_BYTES, maxFrameBytes, (h, payload) -> {
            int code = h.get() & 0xFF;
            Status status = Status.fromCode(code);
            if (status == null) {
                throw new ProtocolException("unknown response status " + code, null);
            }
            return new Response(status, h.getLong(), payload);
        });
    }

    /**
     * Consumes bytes from {@code in} up to the end of the next whole frame and returns it, or returns
     * null once {@code in} is exhausted without completing one (the partial frame is kept).
     *
     * @throws ProtocolException when the length field is out of range; the decoder is then unusable
     */
    public T decode(ByteBuffer in) {
        if (payloadLength < 0) {
            if (!fillHeader(in)) {
                return null;
            }
        }
        if (payloadFilled < payloadLength) {
            int n = Math.min(in.remaining(), payloadLength - payloadFilled);
            if (payloadFilled + n > payload.length) {
                payload = Arrays.copyOf(payload, Math.min(payloadLength, Math.max(payload.length * 2, payloadFilled + n)));
            }
            in.get(payload, payloadFilled, n);
            payloadFilled += n;
            if (payloadFilled < payloadLength) {
                return null;
            }
        }
        header.position(FrameFormat.LENGTH_FIELD_BYTES);
        T frame = factory.create(header, payload);
        header.clear();
        payload = null;
        payloadLength = -1;
        payloadFilled = 0;
        return frame;
    }

    /** True when the length field and fixed header are complete and validated. */
    private boolean fillHeader(ByteBuffer in) {
        while (header.hasRemaining() && in.hasRemaining()) {
            header.put(in.get());
            if (header.position() == FrameFormat.LENGTH_FIELD_BYTES) {
                checkLength(header.getInt(0));
            }
        }
        if (header.hasRemaining()) {
            return false;
        }
        int length = header.getInt(0);
        payloadLength = length - fixedBytes;
        payload = new byte[Math.min(payloadLength, INITIAL_PAYLOAD_BYTES)];
        return true;
    }

    private void checkLength(int length) {
        // a u32 above 2^31 reads as negative: it is over any limit we accept
        if (length < fixedBytes || length > maxFrameBytes) {
            String rule = length < fixedBytes && length >= 0
                    ? "frame length " + length + " is below the minimum " + fixedBytes
                    : "frame length " + Integer.toUnsignedString(length) + " is over the limit " + maxFrameBytes;
            throw new ProtocolException(rule, FrameFormat.encodeResponse(Response.of(Status.BAD_FRAME, 0)).array());
        }
    }

    /** Bytes held for the partial frame: the header read so far and the payload array as grown. */
    public int heldBytes() {
        return header.position() + (payload == null ? 0 : payload.length);
    }

    /** True when no partial frame is held: the peer stopped at a frame boundary. */
    public boolean atFrameBoundary() {
        return payloadLength < 0 && header.position() == 0;
    }
}
