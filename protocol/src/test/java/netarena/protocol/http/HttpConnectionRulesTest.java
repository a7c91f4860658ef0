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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.Response;
import org.junit.jupiter.api.Test;

/** Persistence (keep-alive, close, HTTP/1.0), pipelining and answer order. */
class HttpConnectionRulesTest {

    @Test
    void keepsAnHttp11ConnectionOpenByDefault() {
        ServerSim sim = new ServerSim().feed(get("/plaintext"));
        assertTrue(sim.only().keepAlive());
        assertNull(sim.only().header("connection"));
        assertFalse(sim.closed);
    }

    @Test
    void closesAfterAnHttp11RequestThatSaysConnectionClose() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: Close\r\n\r\n");
        assertEquals("close", sim.only().header("connection"));
        assertFalse(sim.only().keepAlive());
        assertTrue(sim.closed, "closesAfter must be true for that answer");
    }

    @Test
    void findsCloseAmongOtherConnectionOptions() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: upgrade ,close\r\n\r\n");
        assertTrue(sim.closed);
    }

    @Test
    void closesAfterAnHttp10RequestWithoutKeepAlive() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.0\r\n\r\n");
        HttpResponse r = sim.only();
        assertEquals("close", r.header("connection"));
        assertEquals("Hello, World!", body(r));
        assertTrue(sim.closed);
    }

    @Test
    void keepsAnHttp10ConnectionThatAsksForKeepAliveAndSaysSo() {
        ServerSim sim = new ServerSim().feed("GET /plaintext HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"
                + "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx");
        assertEquals(2, sim.responses().size());
        assertEquals("keep-alive", sim.responses().get(0).header("connection"));
        assertEquals("x", body(sim.responses().get(1)));
        assertFalse(sim.closed);
    }

    @Test
    void needsNoHostForHttp10() {
        assertEquals(200, new ServerSim().feed("GET /plaintext HTTP/1.0\r\n\r\n").only().statusCode());
    }

    @Test
    void answersEveryStatusWithConnectionCloseWhenTheRequestAskedForIt() {
        ServerSim sim = new ServerSim().feed("GET /missing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertEquals(404, sim.only().statusCode());
        assertEquals("close", sim.only().header("connection"));
        assertTrue(sim.closed);
    }

    @Test
    void ignoresPipelinedRequestsAfterOneThatCloses() {
        ServerSim sim = new ServerSim();
        ByteBuffer in = ByteBuffer.wrap(("GET /plaintext HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
                + get("/plaintext") + "garbage that would be a 400").getBytes(StandardCharsets.US_ASCII));
        sim.feed(in);
        assertEquals(1, sim.requests.size());
        assertFalse(in.hasRemaining(), "the rest is consumed and dropped");
        List<Request> more = new ArrayList<>();
        sim.codec.decode(ByteBuffer.wrap(get("/plaintext").getBytes(StandardCharsets.US_ASCII)), more::add);
        assertEquals(0, more.size());
    }

    @Test
    void answersManyPipelinedRequestsInOneBufferInOrder() {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            wire.append(i % 3 == 0 ? get("/cpu?units=" + i + "&seed=" + i)
                    : i % 3 == 1 ? "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + String.valueOf(i).length() + "\r\n\r\n" + i
                    : get("/nothing-" + i));
        }
        // fed as bytes: ServerSim's every-split check is quadratic, and HttpSplitTest covers pipelined splits
        List<HttpResponse> got = new ServerSim().feed(wire.toString().getBytes(StandardCharsets.US_ASCII)).responses();
        assertEquals(200, got.size());
        for (int i = 0; i < 200; i++) {
            HttpResponse r = got.get(i);
            switch (i % 3) {
                case 0 -> assertEquals(Long.toUnsignedString(netarena.protocol.RequestWork.cpu(i, i)), body(r));
                case 1 -> assertEquals(String.valueOf(i), body(r));
                default -> assertEquals(404, r.statusCode());
            }
        }
    }

    @Test
    void encodesAnswersThatArriveAfterDecodeInRequestOrder() {
        HttpServerCodec codec = new HttpServerCodec(ServerSim.LIMITS);
        List<Request> requests = new ArrayList<>();
        codec.decode(ByteBuffer.wrap((get("/nowhere") + get("/plaintext") + "GET /cpu?units=1 HTTP/1.1\r\nHost: t\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)), requests::add);
        assertEquals(3, requests.size());
        List<String> statusLines = new ArrayList<>();
        boolean closes = false;
        for (Request r : requests) {
            Response answer = ServerSim.runWithoutWaiting(r);
            ByteBuffer out = codec.encode(answer);
            statusLines.add(new String(out.array(), 0, 12, StandardCharsets.US_ASCII));
            closes = codec.closesAfter(answer);
        }
        assertEquals(List.of("HTTP/1.1 404", "HTTP/1.1 200", "HTTP/1.1 200"), statusLines);
        assertTrue(closes);
    }

    @Test
    void refusesToEncodeMoreAnswersThanRequests() {
        HttpServerCodec codec = new HttpServerCodec(ServerSim.LIMITS);
        assertThrows(IllegalStateException.class, () -> codec.encode(Response.of(netarena.protocol.Status.OK, 0)));
    }

    @Test
    void handsEachRequestsContextFromTheReadingThreadToAnEncodingThread() throws Exception {
        HttpServerCodec codec = new HttpServerCodec(ProtocolLimits.defaults());
        BlockingQueue<Request> handoff = new ArrayBlockingQueue<>(16);
        int count = 2_000;
        ExecutorService encoder = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> ok = encoder.submit(() -> {
                int matched = 0;
                for (int i = 0; i < count; i++) {
                    Request r = handoff.take();
                    String text = StandardCharsets.US_ASCII.decode(codec.encode(ServerSim.runWithoutWaiting(r))).toString();
                    boolean expected404 = i % 2 == 1;
                    matched += text.startsWith(expected404 ? "HTTP/1.1 404" : "HTTP/1.1 200") ? 1 : 0;
                }
                return matched;
            });
            byte[] two = (get("/plaintext") + get("/x")).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count / 2; i++) {
                codec.decode(ByteBuffer.wrap(two), r -> {
                    try {
                        handoff.put(r);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            assertEquals(count, ok.get(30, TimeUnit.SECONDS));
        } finally {
            encoder.shutdownNow();
        }
    }

    @Test
    void isOrderedSoTheServerKeepsAnswersInRequestOrder() {
        assertTrue(new HttpServerCodec(ServerSim.LIMITS).ordered());
    }
}
