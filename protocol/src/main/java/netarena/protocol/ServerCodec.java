package netarena.protocol;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A server's view of one wire protocol on one connection: bytes in, requests out; answers in, bytes
 * out. One instance per connection. {@link #decode} is called by the connection's reading thread;
 * {@link #encode} by whichever thread finished the request, under the connection's ordering lock.
 */
public interface ServerCodec {

    /**
     * Consumes all of {@code in}, handing each whole request to {@code sink} in arrival order and keeping
     * any partial one for the next call.
     *
     * @throws ProtocolException when the bytes break the protocol; the connection gets its reply and closes
     */
    void decode(ByteBuffer in, Consumer<Request> sink);

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
