package netarena.protocol;

import java.nio.ByteBuffer;
import java.util.function.Predicate;

/** Protocol v1 frames on the server side: answers may leave in any order, the id pairs them. */
public final class FrameServerCodec implements ServerCodec {

    private final FrameDecoder<Request> decoder;

    public FrameServerCodec(int maxFrameBytes) {
        this.decoder = FrameDecoder.requests(maxFrameBytes);
    }

    @Override
    public void decodeWhile(ByteBuffer in, Predicate<Request> sink) {
        for (Request request = decoder.decode(in); request != null; request = decoder.decode(in)) {
            if (!sink.test(request)) {
                return;
            }
        }
    }

    @Override
    public ByteBuffer encode(Response response) {
        return FrameFormat.encodeResponse(response);
    }

    @Override
    public boolean midRequest() {
        return !decoder.atFrameBoundary();
    }

    @Override
    public int heldBytes() {
        return decoder.heldBytes();
    }

    @Override
    public boolean ordered() {
        return false;
    }
}
