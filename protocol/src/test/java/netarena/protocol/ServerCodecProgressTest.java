package netarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a codec tells the server about the request in progress: whether one has begun and is not whole
 * (the header timeout runs while it is) and how many bytes it holds (counted in the memory budget).
 */
class ServerCodecProgressTest {

    private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();

    private static List<Request> feed(ServerCodec codec, byte[] bytes) {
        List<Request> got = new ArrayList<>();
        codec.decode(ByteBuffer.wrap(bytes), got::add);
        return got;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFrameIsMidRequestFromItsFirstByteUntilItIsWhole() {
        ServerCodec codec = WireProtocol.FRAME.newServerCodec(LIMITS);
        byte[] frame = FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 1, 0, new byte[10_000]));
        assertFalse(codec.midRequest());
        feed(codec, new byte[] {frame[0]});
        assertTrue(codec.midRequest(), "one byte of the length field");
        feed(codec, java.util.Arrays.copyOfRange(frame, 1, 5_000));
        assertTrue(codec.midRequest());
        assertTrue(codec.heldBytes() >= 5_000 - FrameFormat.LENGTH_FIELD_BYTES - FrameFormat.REQUEST_FIXED_BYTES,
                "held " + codec.heldBytes() + " bytes of a 5,000-byte partial frame");
        assertTrue(codec.heldBytes() <= 2 * 5_000, "held " + codec.heldBytes() + ": grows with what arrived, not what was announced");
        assertEquals(1, feed(codec, java.util.Arrays.copyOfRange(frame, 5_000, frame.length)).size());
        assertFalse(codec.midRequest());
        assertEquals(0, codec.heldBytes());
    }

    @Test
    void anHttpRequestIsMidRequestThroughItsHeadAndBody() {
        ServerCodec codec = WireProtocol.HTTP.newServerCodec(LIMITS);
        assertFalse(codec.midRequest());
        feed(codec, ascii("POST /echo HTTP/1.1\r\nHost: t\r\n"));
        assertTrue(codec.midRequest(), "a partial head");
        feed(codec, ascii("Content-Length: 4\r\n\r\nab"));
        assertTrue(codec.midRequest(), "a partial body");
        assertEquals(1, feed(codec, ascii("cd")).size());
        assertFalse(codec.midRequest());
    }

    @Test
    void emptyLinesBeforeAnHttpRequestCountAsABegunRequest() {
        // otherwise a client sending CRLF once a second would never be cut off by the header timeout
        ServerCodec codec = WireProtocol.HTTP.newServerCodec(LIMITS);
        feed(codec, ascii("\r\n"));
        assertTrue(codec.midRequest());
        assertEquals(1, feed(codec, ascii("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n")).size());
        assertFalse(codec.midRequest());
    }

    @Test
    void bytesAfterARequestThatClosesTheConnectionBeginNothing() {
        ServerCodec codec = WireProtocol.HTTP.newServerCodec(LIMITS);
        assertEquals(1, feed(codec, ascii("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\nGET /pl")).size());
        assertFalse(codec.midRequest(), "the rest is dropped, so nothing is in progress");
    }

    @Test
    void anHttpCodecHoldsWhatArrivedNotWhatWasAnnounced() {
        ServerCodec codec = WireProtocol.HTTP.newServerCodec(LIMITS);
        feed(codec, ascii("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n0123456789"));
        assertTrue(codec.heldBytes() < 16 * 1024, "held " + codec.heldBytes() + " bytes for a 10-byte partial body");
    }

    /** Stopping after each request leaves the rest unconsumed, and feeding it back gives the same requests. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(WireProtocol.class)
    void stopsRightAfterTheRequestTheSinkRefusesAndResumesFromTheRest(WireProtocol protocol) {
        ByteBuffer wire = ByteBuffer.allocate(4096);
        for (int i = 0; i < 5; i++) {
            wire.put(protocol == WireProtocol.FRAME ? FrameFormat.encodeRequest(new Request(Op.ECHO.code(), i, 0, new byte[3]))
                    : ascii("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nab" + i));
        }
        wire.flip();
        ServerCodec codec = protocol.newServerCodec(LIMITS);
        List<Request> got = new ArrayList<>();
        int calls = 0;
        while (wire.hasRemaining()) {
            int before = got.size();
            codec.decodeWhile(wire, r -> !got.add(r));
            calls++;
            assertEquals(before + 1, got.size(), "exactly one request per call that stops after the first");
        }
        assertEquals(5, got.size());
        assertEquals(5, calls);
        assertFalse(codec.midRequest());
    }

    @Test
    void dropsWhatFollowsAClosingRequestEvenWhenTheSinkStops() {
        ServerCodec codec = WireProtocol.HTTP.newServerCodec(LIMITS);
        ByteBuffer in = ByteBuffer.wrap(ascii("GET /plaintext HTTP/1.0\r\n\r\nGET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n"));
        codec.decodeWhile(in, r -> false);
        assertFalse(in.hasRemaining(), "RFC 9112 section 9.6: nothing after a closing request is processed");
    }
}
