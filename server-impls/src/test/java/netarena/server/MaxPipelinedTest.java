package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --max-pipelined} is exact on every model and both protocols, however many requests one read
 * brings: the codec stops right after the request that reaches the limit and the rest waits, undecoded,
 * until an answer makes room.
 */
@Timeout(60)
class MaxPipelinedTest {

    private static final int REQUESTS = 30;

    /** Every model with one I/O thread, without and with workers, and max-pipelined 1. */
    static Stream<Arguments> configs() {
        return ServerModel.availableModels().stream().flatMap(m -> Stream.of(0, 2).map(workers -> Arguments.of(
                Named.of(m.label(), m), workers, ServerConfig.builder().threads(1, workers).maxPipelined(1).build())));
    }

    /**
     * Frames may be answered in any order, so the order shows how many were admitted at once: DELAYs that
     * get shorter down the pipeline, all admitted together, would be answered last-first; admitted one at a
     * time, each answer leaves before the next request is decoded, so they come back in request order.
     */
    @ParameterizedTest(name = "{0} workers={1}")
    @MethodSource("configs")
    void admitsOneFrameAtATimeFromOneRead(ServerModel model, int workers, ServerConfig config) throws IOException {
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < REQUESTS; i++) {
                Op op = i % 3 == 2 ? Op.ECHO : Op.DELAY;
                wire.writeBytes(FrameFormat.encodeRequest(new Request(op.code(), i, (REQUESTS - i) * 300L, new byte[8])));
            }
            client.sendRaw(wire.toByteArray());
            List<Long> order = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Response r = client.receive();
                assertEquals(Status.OK, r.status());
                order.add(r.id());
            }
            assertEquals(java.util.stream.LongStream.range(0, REQUESTS).boxed().toList(), order, model.label());
        }
    }

    /**
     * HTTP answers leave in request order whatever was admitted, so this counts what the server took: while
     * the first request (a DELAY of a second) is unanswered, none of the 29 read with it may be taken.
     */
    @ParameterizedTest(name = "{0} workers={1}")
    @MethodSource("configs")
    void admitsOneHttpRequestAtATimeFromOneRead(ServerModel model, int workers, ServerConfig frameConfig)
            throws IOException, InterruptedException {
        ServerConfig config = frameConfig.toBuilder().protocol(WireProtocol.HTTP).build();
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                socket.setSoTimeout(10_000);
                StringBuilder wire = new StringBuilder("GET /delay?us=1000000 HTTP/1.1\r\nHost: t\r\n\r\n");
                for (int i = 1; i < REQUESTS; i++) {
                    wire.append("GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n");
                }
                socket.getOutputStream().write(wire.toString().getBytes(StandardCharsets.US_ASCII));
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (server.stats().received() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(200); // time for a server that takes more to show it; the DELAY runs for 1 s
                assertEquals(1, server.stats().received(), model + ": requests taken while the first was unanswered");
                assertEquals(REQUESTS, readAnswers(socket, REQUESTS), model.label());
            }
        }
    }

    private static int readAnswers(Socket socket, int expected) throws IOException {
        HttpResponseDecoder decoder = new HttpResponseDecoder(ProtocolLimits.defaults());
        byte[] buffer = new byte[16 * 1024];
        int got = 0;
        while (got < expected) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            ByteBuffer in = ByteBuffer.wrap(buffer, 0, n);
            for (HttpResponse r = decoder.decode(in); r != null; r = decoder.decode(in)) {
                assertEquals(200, r.statusCode());
                got++;
            }
        }
        return got;
    }

    /**
     * Held input waits for max-pending too: echoes of 16 KiB pipelined in one write against a max-pending of
     * 32 KiB stop the codec mid-read, and only the answers leaving make room again. Every echo comes back.
     */
    @ParameterizedTest(name = "{0} workers={1}")
    @MethodSource("configs")
    void resumesHeldInputAsAnswersLeaveUnderMaxPending(ServerModel model, int workers, ServerConfig pipelinedOne)
            throws IOException {
        ServerConfig config = pipelinedOne.toBuilder().maxPipelined(1024).maxPendingBytes(32 * 1024).build();
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < REQUESTS; i++) {
                wire.writeBytes(FrameFormat.encodeRequest(new Request(Op.ECHO.code(), i, 0, new byte[16 * 1024])));
            }
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    client.sendRaw(wire.toByteArray());
                } catch (IOException e) {
                    // the reads below fail then
                }
            });
            for (int i = 0; i < REQUESTS; i++) {
                Response r = client.receive();
                assertEquals(Status.OK, r.status(), model + ": answer " + i);
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
