package netarena.load;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * A client's view of one wire protocol on one connection: it writes the next request and reads and
 * verifies answers. The engine owns ids, timing and bookkeeping; a protocol owns only bytes and the
 * rule for what a correct answer looks like. Frames are {@link FrameClientProtocol} (ids on the wire);
 * HTTP/1.1 is {@link HttpClientProtocol} (answers in order, the id implied by position).
 *
 * <p>One instance per connection (a new one on every reconnect), called by that connection's event
 * loop only.
 */
public interface ClientProtocol {

    /** The most bytes {@link #encode} writes for one request, to size the buffer. */
    int requestBytes();

    /**
     * Writes the request with this id at {@code out}'s position, at most {@link #requestBytes} bytes, and
     * leaves the position after it; copies only, allocates nothing.
     */
    void writeRequest(long id, ByteBuffer out);

    /**
     * Reads every whole answer from {@code in}'s position, leaving the position after the last one (a
     * partial answer is kept by the protocol for the next call), and tells {@code sink} about each.
     *
     * @throws netarena.protocol.ProtocolException when the bytes are not the protocol at all; the
     *         engine counts the connection malformed, closes and reopens it
     */
    void readAnswers(ByteBuffer in, AnswerSink sink);

    /**
     * Appends the request with this id to {@code out}: {@link #writeRequest} into {@code out}'s own memory,
     * without copying or allocating beyond it.
     */
    default void encode(long id, ByteBuf out) {
        int max = requestBytes();
        out.ensureWritable(max);
        int at = out.writerIndex();
        ByteBuffer nio = out.internalNioBuffer(at, max);
        int start = nio.position();
        writeRequest(id, nio);
        out.writerIndex(at + nio.position() - start);
    }

    /**
     * {@link #readAnswers} over {@code in}'s readable bytes (a view of its memory when it is one buffer,
     * a copy when it is a composite), then moves {@code in}'s reader index past what was read, also when
     * reading throws.
     */
    default void decode(ByteBuf in, AnswerSink sink) {
        int start = in.readerIndex();
        ByteBuffer nio = in.nioBufferCount() == 1
                ? in.internalNioBuffer(start, in.readableBytes())
                : in.nioBuffer(start, in.readableBytes());
        int base = nio.position();
        try {
            readAnswers(nio, sink);
        } finally {
            in.readerIndex(start + nio.position() - base);
        }
    }

    /**
     * True once an answer said the server closes the connection after it (HTTP's {@code Connection: close}):
     * the server read nothing sent after that request, and no more answers come on this connection. The
     * engine then sends what is outstanding again on a new connection; it is not an error. Frames never say so.
     */
    default boolean serverClosing() {
        return false;
    }

    /** Where decoded answers go. */
    @FunctionalInterface
    interface AnswerSink {
        /**
         * @param id      the request the answer names
         * @param verdict what the answer says, after checking its body against the request
         * @param detail  on {@link Verdict#MISMATCH}, what was wrong; otherwise null
         */
        void answer(long id, Verdict verdict, String detail);

        /**
         * An HTTP answer whose status is not 2xx: an error, counted by status code.
         *
         * @param statusCode the three-digit status, 100 to 999
         */
        default void httpStatus(long id, int statusCode) {
            answer(id, Verdict.HTTP_STATUS, "answer of id " + id + " has status " + statusCode + ", not 2xx");
        }
    }

    /** Makes one {@link ClientProtocol} per connection; shared by all event loops, so thread-safe. */
    @FunctionalInterface
    interface Factory {
        ClientProtocol newConnection();
    }

    /** The factory for a plan's protocol and request. */
    static Factory factory(LoadPlan plan) {
        LoadRequest r = plan.request();
        return switch (plan.target().protocol()) {
            case FRAME -> FrameClientProtocol.factory(r.op(), r.sizeBytes(), r.arg(), r.seed());
            case HTTP -> HttpClientProtocol.factory(plan);
        };
    }
}
