package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.RequestWork;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP over real loopback sockets, written once and run on every model with {@code --protocol http}: the
 * models know nothing of HTTP, so this checks the codec and the shared Connection together.
 */
@Timeout(30)
class HttpOnEveryModelTest {

    private static Server start(ServerModel model, int workers) throws IOException {
        ServerConfig config = ServerConfig.builder().protocol(WireProtocol.HTTP).threads(1, workers).build();
        return model.create(config);
    }

    /** Starts {@code model} with no workers, exchanges {@code wire} on one connection, and stops it. */
    private static List<HttpResponse> exchangeWith(ServerModel model, String wire) throws IOException {
        try (Server server = start(model, 0)) {
            return exchange(server.start(), wire);
        }
    }

    /** Writes {@code wire} at once, reads until the server closes, and decodes every answer. */
    private static List<HttpResponse> exchange(InetSocketAddress address, String wire) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(wire.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(read);
            HttpResponseDecoder decoder = new HttpResponseDecoder(ProtocolLimits.defaults());
            ByteBuffer bytes = ByteBuffer.wrap(read.toByteArray());
            List<HttpResponse> got = new ArrayList<>();
            for (HttpResponse r = decoder.decode(bytes); r != null; r = decoder.decode(bytes)) {
                got.add(r);
            }
            assertTrue(decoder.atMessageBoundary(), "the server closed mid-answer");
            return got;
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void answersAPipelineInOrderAndClosesAfterConnectionClose(ServerModel model) throws IOException {
        for (int workers : new int[] {0, 2}) {
            try (Server server = start(model, workers)) {
                InetSocketAddress address = server.start();
                String wire = get("/delay?us=20000") + get("/plaintext") + get("/block?us=100") + get("/cpu?units=5&seed=7")
                        + "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
                        + get("/missing") + "GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
                List<HttpResponse> got = exchange(address, wire);
                assertEquals(List.of(200, 200, 200, 200, 200, 404, 200), got.stream().map(HttpResponse::statusCode).toList(),
                        model.label() + " workers=" + workers);
                assertEquals("Hello, World!", new String(got.get(1).body(), StandardCharsets.US_ASCII));
                assertEquals(Long.toUnsignedString(RequestWork.cpu(7, 5)), new String(got.get(3).body(), StandardCharsets.US_ASCII));
                assertEquals("hi", new String(got.get(4).body(), StandardCharsets.US_ASCII));
                assertEquals("close", got.get(6).header("connection"));
            }
        }
    }

    /**
     * Answers finished by different threads (the DELAY timer, the I/O thread) still leave in request order:
     * many short delays interleaved with answers the I/O thread writes at once, so a write from the loop
     * that overtakes one queued by the timer shows up as a wrong order.
     */
    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void keepsRequestOrderWhenAnswersFinishOnDifferentThreads(ServerModel model) throws IOException {
        StringBuilder wire = new StringBuilder();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            wire.append(get("/delay?us=" + (i % 7 * 50))).append(get("/missing-" + i));
            expected.add(200);
            expected.add(404);
        }
        wire.append("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        expected.add(200);
        assertEquals(expected, exchangeWith(model, wire.toString()).stream().map(HttpResponse::statusCode).toList(),
                model.label());
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void sendsTheErrorAfterEarlierAnswersThenCloses(ServerModel model) throws IOException {
        List<HttpResponse> got = exchangeWith(model, get("/delay?us=20000") + "NOT HTTP\r\n\r\n" + get("/plaintext"));
        assertEquals(List.of(200, 400), got.stream().map(HttpResponse::statusCode).toList(), model.label());
        assertEquals("close", got.get(1).header("connection"));
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void closesAnHttp10ConnectionAfterItsAnswer(ServerModel model) throws IOException {
        List<HttpResponse> got = exchangeWith(model, "GET /plaintext HTTP/1.0\r\n\r\n");
        assertEquals(1, got.size());
        assertEquals("close", got.get(0).header("connection"));
    }

    /** Writes {@code wire} at once and returns every byte read until the server closes. */
    private static String rawExchange(InetSocketAddress address, String wire) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(wire.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * RFC 9110 section 9.3.2 on a real connection: pipelined HEAD answers at 200, 404 and 405 carry headers
     * only, so the answers after them are read intact.
     */
    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void answersHeadWithoutContentSoThePipelineStaysInStep(ServerModel model) throws IOException {
        try (Server server = start(model, 0)) {
            InetSocketAddress address = server.start();
            String text = rawExchange(address, "HEAD /plaintext HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "HEAD /missing HTTP/1.1\r\nHost: t\r\n\r\n" + "HEAD /echo HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            String[] heads = text.split("\r\n\r\n", -1);
            assertEquals(5, heads.length, model.label() + ": " + text);
            assertTrue(heads[0].startsWith("HTTP/1.1 200 ") && heads[0].contains("Content-Length: 13"), heads[0]);
            assertTrue(heads[1].startsWith("HTTP/1.1 404 "), heads[1]);
            assertTrue(heads[2].startsWith("HTTP/1.1 405 "), heads[2]);
            assertTrue(heads[3].startsWith("HTTP/1.1 200 "), heads[3]);
            assertEquals("Hello, World!", heads[4], model.label());
        }
    }

    /** RFC 9112 sections 3 and 3.2: a request-target over the limit is 414; two Hosts or a bad one is 400 in 1.0 too. */
    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void refusesALongTargetAndABadHostInEitherVersion(ServerModel model) throws IOException {
        try (Server server = start(model, 0)) {
            InetSocketAddress address = server.start();
            String longTarget = get("/plaintext?" + "a".repeat(100 * 1024));
            assertEquals(List.of(414), exchange(address, longTarget).stream().map(HttpResponse::statusCode).toList());
            for (String head : List.of("GET /plaintext HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n",
                    "GET /plaintext HTTP/1.0\r\nHost: a b/c@d\r\n\r\n", "GET /plaintext HTTP/1.1\r\n\r\n")) {
                assertEquals(List.of(400), exchange(address, head).stream().map(HttpResponse::statusCode).toList(),
                        model.label() + ": " + head);
            }
        }
    }
}
