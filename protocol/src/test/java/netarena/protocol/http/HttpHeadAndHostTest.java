package netarena.protocol.http;

import static netarena.protocol.http.ServerSim.body;
import static netarena.protocol.http.ServerSim.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import netarena.protocol.Response;
import netarena.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 section 9.3.2 (a HEAD answer has no content) and RFC 9112 section 3.2 (Host). */
class HttpHeadAndHostTest {

    private static final String NEXT = get("/plaintext");

    /** The head of the first answer, and fails unless the next answer starts right after it. */
    private static String headBeforeNextAnswer(ServerSim sim) {
        String text = sim.text();
        int end = text.indexOf("\r\n\r\n") + 4;
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n", end), "content after the HEAD answer's head:\n" + text);
        HttpResponse next = new HttpResponseDecoder(ServerSim.LIMITS).decode(
                ByteBuffer.wrap(text.substring(end).getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Hello, World!", body(next), "the next pipelined answer reads whole");
        return text.substring(0, end);
    }

    @Test
    void answersHeadLikeGetWithoutContent() {
        String head = headBeforeNextAnswer(new ServerSim().feed("HEAD /plaintext HTTP/1.1\r\nHost: t\r\n\r\n" + NEXT));
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertTrue(head.contains("Content-Length: 13\r\n"), "the length a GET would get: " + head);
    }

    @ParameterizedTest
    @CsvSource({"404, /missing", "405, /echo", "400, /cpu?units=x", "400, /delay?us=99999999999"})
    void answersHeadWithoutContentAtAnyStatus(int status, String target) {
        String head = headBeforeNextAnswer(new ServerSim().feed("HEAD " + target + " HTTP/1.1\r\nHost: t\r\n\r\n" + NEXT));
        assertTrue(head.startsWith("HTTP/1.1 " + status + " "), head);
    }

    @Test
    void answersHeadWithoutContentWhenBusy() {
        ServerSim sim = new ServerSim(ServerSim.LIMITS, r -> r.opCode() == 0 ? Response.of(Status.BUSY, r.id())
                : ServerSim.runWithoutWaiting(r)).feed("HEAD /cpu?units=1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        String text = sim.text();
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n") && text.endsWith("\r\n\r\n"), text);
        assertFalse(sim.closed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.0"})
    void answers400ForTwoHostHeadersInEitherVersion(String version) {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/" + version + "\r\nHost: a\r\nHost: a\r\n\r\n" + NEXT);
        assertEquals(400, sim.only().statusCode());
        assertTrue(sim.closed);
        assertTrue(sim.error.contains("more than one Host"), sim.error);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.1|a b/c@d", "1.0|a b/c@d", "1.1|user@host", "1.0|h/path", "1.1|h:8x",
        "1.1|[::1", "1.1|%zz", "1.0|h:80:80"})
    void answers400ForAnInvalidHostInEitherVersion(String version, String host) {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/" + version + "\r\nHost: " + host + "\r\n\r\n");
        assertEquals(400, sim.only().statusCode());
        assertTrue(sim.error.contains("uri-host"), sim.error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.org:8080", "127.0.0.1", "[::1]:80", "[v1.x]", "a%20b", "h:", "xn--bcher-kva.example"})
    void acceptsValidHosts(String host) {
        assertEquals(200, new ServerSim().feed("GET /plaintext HTTP/1.1\r\nHost: " + host + "\r\n\r\n").only().statusCode());
    }

    @Test
    void answers400ForAnHttp11RequestWithoutHost() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.1\r\n\r\n");
        assertEquals(400, sim.only().statusCode());
        assertTrue(sim.error.contains("needs exactly one Host"), sim.error);
    }
}
