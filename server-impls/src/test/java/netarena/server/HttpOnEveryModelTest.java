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
}
