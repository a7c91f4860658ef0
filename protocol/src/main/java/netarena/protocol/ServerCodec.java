package netarena.protocol;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A server's view of one wire protocol on one connection: bytes in, requests out; answers in, bytes
 * out. One instance per connection. {@link #decode} is called by the connection's reading thread;
 * {@link #encode} by whichever thread finished the request, under the connection's ordering lock.
 */
public interface ServerCodec {

    /**
     * Hands each whole request in {@code in} to {@code sink} in arrival order while the sink returns true,
     * keeping a partial one for the next call. When the sink returns false, decoding stops right after that
     * request and the rest of {@code in} is left unconsumed, for the caller to hand back later: that is how
     * a server stops at exactly its pipelining limit, whatever one read brought. Bytes the protocol drops
     * (after a request that closes the connection) are consumed whatever the sink says.
     *
     * @throws ProtocolException when the bytes break the protocol; the connection gets its reply and closes
     */
    void decodeWhile(ByteBuffer in, Predicate<Request> sink);

    /** {@link #decodeWhile} taking every request: consumes all of {@code in}. */
    default void decode(ByteBuffer in, Consumer<Request> sink) {
        decodeWhile(in, request -> {
            sink.accept(request);
            return true;
        });
    }

    /** The bytes of an answer, flipped and ready to write. */
    ByteBuffer encode(Response response);

    /** True when answers must leave in request order (HTTP/1.1); false when ids pair them (frames). */
    boolean ordered();

    /**
     * True while part of a request has been read and the rest has not: a frame or an HTTP request (head
     * or body) begun and not whole. The server's header timeout runs while this holds. The reading thread.
     */
    boolean midRequest();

    /**
     * Bytes of memory this codec holds for the request in progress (the partial frame, the HTTP line and
     * body arrays), which the server counts against its memory budget. The reading thread.
     */
    int heldBytes();

    /** True when the connection closes once this answer is written (HTTP's {@code Connection: close}). */
    default boolean closesAfter(Response response) {
        return false;
    }
}
