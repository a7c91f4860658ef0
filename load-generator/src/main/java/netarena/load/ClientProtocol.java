package netarena.load;

import io.netty.buffer.ByteBuf;

/**
 * A client's view of one wire protocol on one connection: it writes the next request and reads and
 * verifies answers. The engine owns ids, timing and bookkeeping; a protocol owns only bytes and the
 * rule for what a correct answer looks like. Frames are {@link FrameClientProtocol}; HTTP/1.1 is meant
 * to be a second implementation (answers in order, the id implied by position).
 *
 * <p>One instance per connection (a new one on every reconnect), called by that connection's event
 * loop only.
 */
public interface ClientProtocol {

    /** The bytes {@link #encode} writes for one request, to size the buffer. */
    int requestBytes();

    /** Appends the request with this id to {@code out}; ideally without allocating (frames do not). */
    void encode(long id, ByteBuf out);

    /**
     * Reads every whole answer in {@code in}, keeping a partial one for the next call, and tells
     * {@code sink} about each.
     *
     * @throws netarena.protocol.ProtocolException when the bytes are not the protocol at all; the
     *         engine counts the connection malformed, closes and reopens it
     */
    void decode(ByteBuf in, AnswerSink sink);

    /** Where decoded answers go. */
    @FunctionalInterface
    interface AnswerSink {
        /**
         * @param id      the request the answer names
         * @param verdict what the answer says, after checking its body against the request
         * @param detail  on {@link Verdict#MISMATCH}, what was wrong; otherwise null
         */
        void answer(long id, Verdict verdict, String detail);
    }

    /** Makes one {@link ClientProtocol} per connection; shared by all event loops, so thread-safe. */
    @FunctionalInterface
    interface Factory {
        ClientProtocol newConnection();
    }

    /** The factory for a plan's protocol and request. */
    static Factory factory(LoadPlan plan) {
        return switch (plan.protocol()) {
            case FRAME -> FrameClientProtocol.factory(plan.op(), plan.sizeBytes(), plan.arg(), plan.seed());
            default -> throw new IllegalArgumentException(
                    "the load generator has no client for protocol " + plan.protocol().label() + " yet");
        };
    }
}
