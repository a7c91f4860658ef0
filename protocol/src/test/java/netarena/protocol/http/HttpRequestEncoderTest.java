package netarena.protocol.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import netarena.protocol.Op;
import netarena.protocol.Request;
import org.junit.jupiter.api.Test;

/** What the client encodes, the server decodes into the intended Request. */
class HttpRequestEncoderTest {

    @Test
    void encodesEveryRouteAsTheServerReadsIt() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(HttpRequestEncoder.plaintext("localhost:8080", false));
        wire.writeBytes(HttpRequestEncoder.echo("h", false, new byte[] {0, 1, 2}));
        wire.writeBytes(HttpRequestEncoder.cpu("h", false, 77, -2L));
        wire.writeBytes(HttpRequestEncoder.wait(Op.DELAY, "h", false, 5));
        wire.writeBytes(HttpRequestEncoder.wait(Op.BLOCK, "h", true, 6));
        ServerSim sim = new ServerSim().feed(wire.toByteArray());
        assertEquals(5, sim.requests.size());
        assertRequest(sim.requests.get(0), Op.ECHO, 0, 0, "Hello, World!".getBytes());
        assertRequest(sim.requests.get(1), Op.ECHO, 0, 0, new byte[] {0, 1, 2});
        assertRequest(sim.requests.get(2), Op.CPU, -2L, 77, new byte[0]);
        assertRequest(sim.requests.get(3), Op.DELAY, 0, 5, new byte[0]);
        assertRequest(sim.requests.get(4), Op.BLOCK, 0, 6, new byte[0]);
        assertNull(sim.responses().get(3).header("connection"));
        assertTrue(sim.closed, "the last one asked to close");
    }

    @Test
    void refusesAHostThatWouldBreakTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> HttpRequestEncoder.plaintext("h\r\nX: y", false));
        assertThrows(IllegalArgumentException.class, () -> HttpRequestEncoder.wait(Op.CPU, "h", false, 1));
    }

    @Test
    void aTemplateWritesItsSlotAsUnsignedDecimalWithoutAllocating() {
        HttpRequestTemplate cpu = HttpRequestEncoder.route(Route.CPU, "h:1", List.of(), 9, 0);
        assertTrue(cpu.hasSlot());
        assertEquals("GET /cpu?units=9&seed={id}", cpu.requestLine());
        ByteBuffer out = ByteBuffer.allocate(4 * cpu.maxHeadBytes());
        long[] seeds = {0, 7, 10, 99, 1L << 40 | 12345, Long.MAX_VALUE, -1L};
        for (long seed : seeds) {
            cpu.writeHead(out, seed);
            assertTrue(out.remaining() >= 0);
            ServerSim sim = new ServerSim().feed(java.util.Arrays.copyOf(out.array(), out.position()));
            assertRequest(sim.requests.get(0), Op.CPU, seed, 9, new byte[0]);
            out.clear();
        }
        byte[] longest = cpu.head(-1L);
        assertEquals(cpu.maxHeadBytes(), longest.length, "20 digits is the most a u64 takes");
        assertTrue(new String(longest, StandardCharsets.US_ASCII).startsWith("GET /cpu?units=9&seed=18446744073709551615 "));
    }

    @Test
    void anyRequestCarriesItsHeadersHostAndContentLength() {
        HttpRequestTemplate t = HttpRequestEncoder.request("PUT", "/a/b?c=d", "example.org:81",
                List.of("X-Test: 1", "Accept: */*"), 3);
        assertFalse(t.hasSlot());
        assertEquals(3, t.bodyBytes());
        assertEquals("PUT /a/b?c=d HTTP/1.1\r\nHost: example.org:81\r\nX-Test: 1\r\nAccept: */*\r\n"
                + "Content-Length: 3\r\n\r\n", new String(t.head(0), StandardCharsets.US_ASCII));
        assertEquals("GET / HTTP/1.1\r\nHost: mine\r\n\r\n", new String(
                HttpRequestEncoder.request("GET", "/", "ignored", List.of("Host: mine"), 0).head(0), StandardCharsets.US_ASCII));
        assertTrue(new String(HttpRequestEncoder.request("POST", "/x", "h", List.of(), 0).head(0),
                StandardCharsets.US_ASCII).contains("Content-Length: 0\r\n"), "POST says its empty body");
        HttpRequestTemplate echo = HttpRequestEncoder.route(Route.ECHO, "h", List.of("Connection: close"), 0, 2);
        ServerSim sim = new ServerSim().feed(new String(echo.head(0), StandardCharsets.US_ASCII) + "hi");
        assertRequest(sim.requests.get(0), Op.ECHO, 0, 0, "hi".getBytes());
        assertTrue(sim.closed, "the header asked to close");
    }

    @Test
    void refusesWhatTheServerWouldRefuseAndNamesTheRule() {
        assertRule("method must be a token", () -> HttpRequestEncoder.request("GE T", "/", "h", List.of(), 0));
        assertRule("origin-form", () -> HttpRequestEncoder.request("GET", "http://h/", "h", List.of(), 0));
        assertRule("origin-form", () -> HttpRequestEncoder.request("GET", "/a b", "h", List.of(), 0));
        assertRule("needs a colon", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("NoColon"), 0));
        assertRule("before the colon", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("X : 1"), 0));
        assertRule("control characters", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("X: 1\r\nY: 2"), 0));
        assertRule("set from the body size", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("Content-Length: 1"), 0));
        assertRule("set from the body size", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("transfer-encoding: chunked"), 0));
        assertRule("exactly one Host", () -> HttpRequestEncoder.request("GET", "/", "h", List.of("Host: a", "host: b"), 0));
        assertRule("takes no body", () -> HttpRequestEncoder.route(Route.CPU, "h", List.of(), 1, 5));
        assertRule("at least 0", () -> HttpRequestEncoder.route(Route.DELAY, "h", List.of(), -1, 0));
    }

    private static void assertRule(String rule, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
        assertTrue(thrown.getMessage().contains(rule), thrown.getMessage());
    }

    private static void assertRequest(Request r, Op op, long id, long arg, byte[] payload) {
        assertEquals(op, r.op());
        assertEquals(id, r.id());
        assertEquals(arg, r.arg());
        assertArrayEquals(payload, r.payload());
    }
}
