package netarena.protocol.http;

import static netarena.protocol.http.ServerSim.body;
import static netarena.protocol.http.ServerSim.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import netarena.protocol.ProtocolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Limits and the errors that close the connection; each error names the broken rule. Inputs of many KiB
 * skip ServerSim's every-split check ({@code feedWhole}); HttpSplitTest splits the same limits, made small.
 */
class HttpLimitsAndErrorsTest {

    private static final int MAX_BODY = 1024;
    private static final ProtocolLimits SMALL = new ProtocolLimits(MAX_BODY, ProtocolLimits.DEFAULT_MAX_HEADER_BYTES);

    private static ServerSim small() {
        return new ServerSim(SMALL, ServerSim::runWithoutWaiting);
    }

    /** A GET whose head (request line, headers, final CRLF) is exactly {@code bytes} long. */
    private static String headOf(int bytes) {
        String start = "GET /plaintext HTTP/1.1\r\nHost: t\r\nX: ";
        return start + "a".repeat(bytes - start.length() - 4) + "\r\n\r\n";
    }

    private static void assertClosedWith(ServerSim sim, int status, String ruleFragment) {
        HttpResponse last = sim.responses().get(sim.responses().size() - 1);
        assertEquals(status, last.statusCode(), sim.text());
        assertEquals("close", last.header("connection"));
        assertTrue(sim.closed);
        assertTrue(sim.error.contains(ruleFragment), "message '" + sim.error + "' should name: " + ruleFragment);
        assertEquals(sim.error + "\n", body(last), "the reply body names the rule too");
    }

    @Test
    void acceptsHeadersOfExactlyTheLimit() {
        ServerSim sim = new ServerSim().feedWhole(headOf(ProtocolLimits.DEFAULT_MAX_HEADER_BYTES));
        assertEquals(200, sim.only().statusCode());
    }

    @Test
    void answers431WhenHeadersExceedTheLimit() {
        ServerSim sim = new ServerSim().feedWhole(headOf(ProtocolLimits.DEFAULT_MAX_HEADER_BYTES + 1));
        assertClosedWith(sim, 431, "exceed 8192 bytes");
    }

    @Test
    void answers414AsSoonAsAnUnendingRequestLinePassesTheLimit() {
        ServerSim sim = new ServerSim().feedWhole("GET /" + "a".repeat(9000));
        assertClosedWith(sim, 414, "request line exceeds the header limit of 8192 bytes");
    }

    @Test
    void answers414ForARequestTargetOverTheLimitEvenWhenTheLineEnds() {
        ServerSim sim = new ServerSim().feedWhole(get("/plaintext?" + "a".repeat(100 * 1024)));
        assertClosedWith(sim, 414, "request line exceeds");
        assertEquals(1, sim.responses().size());
    }

    @Test
    void answers431ForEndlessEmptyLinesBeforeTheRequestLine() {
        assertClosedWith(new ServerSim().feedWhole("\r\n".repeat(5000)), 431, "exceed");
    }

    @Test
    void ignoresAFewEmptyLinesBeforeTheRequestLine() {
        assertEquals(200, new ServerSim().feed("\r\n\r\n" + get("/plaintext")).only().statusCode());
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        String body = "b".repeat(MAX_BODY);
        ServerSim sim = small().feed("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + body);
        assertEquals(body, body(sim.only()));
    }

    @Test
    void answers413BeforeTheBodyArrivesWhenContentLengthExceedsTheLimit() {
        ServerSim sim = small().feed("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
        assertClosedWith(sim, 413, "body exceeds the limit of 1024 bytes");
    }

    @Test
    void answers413ForAHugeContentLengthWithoutOverflowing() {
        ServerSim sim = small().feed("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n");
        assertClosedWith(sim, 413, "body exceeds");
    }

    @Test
    void answers413WhenChunksAddUpToMoreThanTheLimit() {
        String chunk = Integer.toHexString(600) + "\r\n" + "c".repeat(600) + "\r\n";
        ServerSim sim = small().feed("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk);
        assertClosedWith(sim, 413, "chunked body exceeds the limit of 1024 bytes");
    }

    @Test
    void echoesAChunkedBodyWithExtensionsAndTrailers() {
        ServerSim sim = new ServerSim().feed("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n0001 \r\n,\r\nA\r\n world 123\r\n0\r\nX-Trailer: yes\r\n\r\n" + get("/plaintext"));
        assertEquals("hello, world 123", body(sim.responses().get(0)));
        assertEquals(200, sim.responses().get(1).statusCode());
    }

    @Test
    void keepsMemoryBoundedByWhatASlowClientSent() {
        HttpRequestParser parser = new HttpRequestParser(ProtocolLimits.defaults());
        parser.next(ByteBuffer.wrap(("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1048576\r\n\r\n0123456789")
                .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(parser.capacity() <= 8 * 1024, "holds " + parser.capacity() + " bytes");
        HttpRequestParser chunked = new HttpRequestParser(ProtocolLimits.defaults());
        chunked.next(ByteBuffer.wrap(("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFF\r\n0123")
                .getBytes(StandardCharsets.US_ASCII)));
        assertTrue(chunked.capacity() <= 8 * 1024, "holds " + chunked.capacity() + " bytes");
    }

    @Test
    void sendsTheErrorAfterTheAnswersToEarlierPipelinedRequests() {
        ServerSim sim = new ServerSim().feed(get("/plaintext") + get("/cpu?units=1") + "BROKEN\r\n\r\n" + get("/plaintext"));
        assertEquals(3, sim.responses().size());
        assertEquals(200, sim.responses().get(0).statusCode());
        assertEquals(200, sim.responses().get(1).statusCode());
        assertClosedWith(sim, 400, "request line must be");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
        400 | GET /plaintext\\r\\nHost: t\\r\\n\\r\\n                         | request line must be
        400 | GET  /plaintext HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                | request line must be
        400 | GET /plaintext HTTP/1.1 \\r\\nHost: t\\r\\n\\r\\n                | request line must be
        400 | G(T /plaintext HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                 | method must be a token
        400 | GET plaintext HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n                  | must be origin-form
        400 | GET http://t/plaintext HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n          | must be origin-form
        400 | GET /pl\\u0001ain HTTP/1.1\\r\\nHost: t\\r\\n\\r\\n               | must be visible ASCII
        400 | GET /plaintext HTTX/1.1\\r\\nHost: t\\r\\n\\r\\n                 | HTTP-version must be HTTP/DIGIT.DIGIT
        400 | GET /plaintext HTTP/1.10\\r\\nHost: t\\r\\n\\r\\n                | HTTP-version must be HTTP/DIGIT.DIGIT
        505 | GET /plaintext HTTP/2.0\\r\\nHost: t\\r\\n\\r\\n                 | must be HTTP/1.0 or HTTP/1.1
        505 | GET /plaintext HTTP/1.2\\r\\nHost: t\\r\\n\\r\\n                 | must be HTTP/1.0 or HTTP/1.1
        400 | GET /plaintext HTTP/1.1\\nHost: t\\r\\n\\r\\n                    | must end with CRLF
        400 | GET /plaintext HTTP/1.1\\r\\nHost: t\\n\\r\\n                    | must end with CRLF
        400 | GET /plaintext HTTP/1.1\\r\\nHost t\\r\\n\\r\\n                  | needs a colon
        400 | GET /plaintext HTTP/1.1\\r\\nHost : t\\r\\n\\r\\n                | no whitespace before the colon
        400 | GET /plaintext HTTP/1.1\\r\\n: t\\r\\nHost: t\\r\\n\\r\\n         | non-empty token
        400 | GET /plaintext HTTP/1.1\\r\\nHost: t\\r\\n folded\\r\\n\\r\\n     | obsolete line folding
        400 | GET /plaintext HTTP/1.1\\r\\nHost: t\\u0000\\r\\n\\r\\n           | control characters
        400 | GET /plaintext HTTP/1.1\\r\\nHost: a\\rb\\r\\n\\r\\n              | control characters
        400 | GET /plaintext HTTP/1.1\\r\\n\\r\\n                              | exactly one Host
        400 | GET /plaintext HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n     | more than one Host
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: -1\\r\\n\\r\\n      | Content-Length must be a single decimal
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 1, 1\\r\\n\\r\\nx   | Content-Length must be a single decimal
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nxx | twice with different values
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nContent-Length: 1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | both Transfer-Encoding and Content-Length
        400 | POST /echo HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n  | HTTP/1.0 requests must not use Transfer-Encoding
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked, chunked\\r\\n\\r\\n | names chunked twice
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: \\r\\n\\r\\n | must end in chunked
        501 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n | gzip is not supported
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n | must start with hexadecimal
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5 x\\r\\n | followed by ;extensions
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5;\\u0001\\r\\n | chunk extension must not hold
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nabc\\r\\n | followed by CRLF
        400 | POST /echo HTTP/1.1\\r\\nHost: t\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\nbad trailer\\r\\n\\r\\n | needs a colon
        """)
    void closesWithTheStatusThatNamesTheBrokenRule(int status, String escaped, String rule) {
        ServerSim sim = new ServerSim().feed(unescape(escaped) + get("/plaintext"));
        assertClosedWith(sim, status, rule);
        assertEquals(0, sim.requests.size(), "nothing reached the server's work");
    }

    @Test
    void answers400WhenAChunkSizeLineIsTooLong() {
        ServerSim sim = new ServerSim().feedWhole("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1;"
                + "e".repeat(9000));
        assertClosedWith(sim, 400, "chunk-size line exceeds 8192 bytes");
    }

    @Test
    void answers431WhenTrailersExceedTheLimit() {
        ServerSim sim = new ServerSim().feedWhole("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                + "X-T: v\r\n".repeat(1200));
        assertClosedWith(sim, 431, "trailer section exceeds");
    }

    @Test
    void acceptsARepeatedIdenticalContentLength() {
        ServerSim sim = new ServerSim().feed("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok");
        assertEquals("ok", body(sim.only()));
        assertFalse(sim.closed);
    }

    @Test
    void acceptsHeaderValuesWithObsTextAndTabs() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.1\r\nHost:\tt \r\nX-Name: caf\u00e9\t\r\n\r\n");
        assertEquals(200, sim.only().statusCode());
    }

    /** Test tables write CR, LF and control bytes as \r, \n and \\uXXXX. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i + 1) == 'r' ? '\r' : '\n');
                i++;
            }
        }
        return out.toString();
    }
}
