package netarena.protocol.http;

import static netarena.protocol.http.ServerSim.body;
import static netarena.protocol.http.ServerSim.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client side: the same rules, reading what servers write. */
class HttpResponseDecoderTest {

    private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();

    private static List<HttpResponse> decodeAll(String wire, int... cuts) {
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        HttpResponseDecoder decoder = new HttpResponseDecoder(LIMITS);
        List<HttpResponse> got = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            ByteBuffer piece = ByteBuffer.wrap(bytes, from, to - from);
            for (HttpResponse r = decoder.decode(piece); r != null; r = decoder.decode(piece)) {
                got.add(r);
            }
            from = to;
        }
        assertTrue(decoder.atMessageBoundary(), "a partial response is left");
        return got;
    }

    @Test
    void readsWhatTheServerWritesSplitAtEveryByte() {
        String wire = new ServerSim().feed(get("/plaintext") + get("/nope") + get("/cpu?units=2")
                + "POST /echo HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc").text();
        for (int cut = 0; cut <= wire.length(); cut++) {
            List<HttpResponse> got = decodeAll(wire, cut);
            assertEquals(4, got.size(), "cut at " + cut);
            assertEquals("Hello, World!", body(got.get(0)));
            assertEquals("netarena", got.get(0).header("Server"));
            assertEquals(404, got.get(1).statusCode());
            assertEquals("abc", body(got.get(3)));
            assertFalse(got.get(3).keepAlive());
        }
    }

    @Test
    void readsChunkedBodiesWithTrailers() {
        HttpResponse r = decodeAll("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n6;x=1\r\npedia \r\n"
                + "E\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n").get(0);
        assertEquals("Wikipedia in \r\n\r\nchunks.", body(r));
        assertTrue(r.keepAlive());
    }

    @Test
    void skipsInterimResponsesAndReadsNoBodyFor204And304() {
        List<HttpResponse> got = decodeAll("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\nHTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx");
        assertEquals(List.of(204, 304, 200), got.stream().map(HttpResponse::statusCode).toList());
        assertEquals(0, got.get(1).body().length);
        assertFalse(got.get(2).keepAlive());
    }

    @Test
    void acceptsAnEmptyReasonPhrase() {
        assertEquals(503, decodeAll("HTTP/1.1 503 \r\nContent-Length: 0\r\n\r\n").get(0).statusCode());
        assertEquals(503, decodeAll("HTTP/1.1 503\r\nContent-Length: 0\r\n\r\n").get(0).statusCode());
    }

    @Test
    void joinsRepeatedHeadersAndFindsThemByAnyCase() {
        HttpResponse r = decodeAll("HTTP/1.1 200 OK\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n").get(0);
        assertEquals("1, 2", r.header("X-a"));
        assertNull(r.header("missing"));
    }

    @Test
    void withoutKeepingHeadersStillReadsFramingAndPersistence() {
        HttpResponseDecoder decoder = new HttpResponseDecoder(LIMITS, false);
        ByteBuffer in = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nX-A: 1\r\nContent-Length: 2\r\n\r\nok"
                + "HTTP/1.1 404 Not Found\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        HttpResponse first = decoder.decode(in);
        assertEquals("ok", body(first));
        assertTrue(first.headers().isEmpty());
        assertTrue(first.keepAlive());
        HttpResponse second = decoder.decode(in);
        assertEquals(404, second.statusCode());
        assertEquals("x", body(second));
        assertFalse(second.keepAlive(), "Connection: close is read even when headers are not kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n",
        "HTTP/3.0 200 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2000000\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nq\r\n",
    })
    void refusesResponsesThatBreakTheRulesWithAProtocolException(String wire) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> decodeAll(wire));
        assertNull(e.replyBytes(), "a client has nothing to reply");
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void refusesHeadersOverTheLimit() {
        String wire = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(LIMITS.maxHeaderBytes()) + "\r\n\r\n";
        ProtocolException e = assertThrows(ProtocolException.class, () -> decodeAll(wire));
        assertTrue(e.getMessage().contains("status line and headers exceed"), e.getMessage());
    }
}
