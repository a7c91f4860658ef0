package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 14 (HTTP only): the inputs that desynced or slipped through before. HEAD answers carry no content
 * at any status, so the answer after them reads intact; a 100 KB request-target is 414; two Host fields or
 * an invalid Host in HTTP/1.0 are 400 (RFC 9110 section 9.3.2, RFC 9112 sections 3 and 3.2).
 */
final class HttpExactness {

    static final String LEGEND = "pipelined HEAD /plaintext, HEAD /missing, HEAD /echo then GET /plaintext: the GET's "
            + "answer intact after three bodiless heads; a 100 KB request-target; HTTP/1.0 with two Host; HTTP/1.0 "
            + "with Host: a b/c@d";
    private static final String GET = "GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    private HttpExactness() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale, Workers workers) throws Exception {
        try (InProcess server = InProcess.start(model, WireProtocol.HTTP, workers::applyTo)) {
            String heads = exchange(server, "HEAD /plaintext HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "HEAD /missing HTTP/1.1\r\nHost: t\r\n\r\nHEAD /echo HTTP/1.1\r\nHost: t\r\n\r\n" + GET);
            String[] parts = heads.split("\r\n\r\n", -1);
            assertEquals(5, parts.length, "the answers after HEAD were not read in step: " + heads);
            assertEquals("Hello, World!", parts[4]);
            String longTarget = status(exchange(server, "GET /plaintext?" + "a".repeat(100 * 1024) + " HTTP/1.1\r\nHost: t\r\n\r\n"));
            String twoHosts = status(exchange(server, "GET /plaintext HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n"));
            String badHost = status(exchange(server, "GET /plaintext HTTP/1.0\r\nHost: a b/c@d\r\n\r\n"));
            String figure = String.format("HEAD %s, %s, %s then GET intact; long target %s; two Host %s; bad Host %s",
                    status(parts[0]), status(parts[1]), status(parts[2]), longTarget, twoHosts, badHost);
            assertTrue(figure.equals("HEAD 200, 404, 405 then GET intact; long target 414; two Host 400; bad Host 400"),
                    figure);
            return figure;
        }
    }

    private static String exchange(InProcess server, String wire) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(wire.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The status code of the answer that starts {@code text}. */
    private static String status(String text) {
        return text.length() >= 12 ? text.substring(9, 12) : "none";
    }
}
