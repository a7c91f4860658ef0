package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A graceful stop answers every request it has read, pipelined ones included, on every model and both
 * protocols: connections each pipeline three DELAYs, the stop begins once the server has read every byte,
 * and every one of them is answered before the connection closes.
 */
@Timeout(60)
class GracefulStopTest {

    private static final int CONNECTIONS = 10;
    private static final int PIPELINED = 3;
    private static final long DELAY_MICROS = 300_000;

    static Stream<Arguments> modelsAndProtocols() {
        return ServerModel.availableModels().stream()
                .flatMap(m -> Stream.of(WireProtocol.values()).map(p -> Arguments.of(m.label(), p, m)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndProtocols")
    void answersEveryPipelinedRequestItReadBeforeTheStop(String label, WireProtocol protocol, ServerModel model)
            throws Exception {
        ServerConfig config = ServerConfig.builder().protocol(protocol).build();
        Server server = model.create(config);
        InetSocketAddress address = server.start();
        List<Socket> sockets = new ArrayList<>();
        try {
            byte[] wire = pipeline(protocol);
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket(address.getAddress(), address.getPort());
                s.setSoTimeout(15_000);
                s.getOutputStream().write(wire);
                sockets.add(s);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.stats().bytesIn() < (long) CONNECTIONS * wire.length && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals((long) CONNECTIONS * wire.length, server.stats().bytesIn(), "every byte read before the stop");
            Thread stopper = Thread.ofPlatform().start(() -> server.stop(Duration.ofSeconds(5)));
            int answered = 0;
            for (Socket s : sockets) {
                answered += answers(protocol, s.getInputStream());
            }
            stopper.join();
            assertEquals(CONNECTIONS * PIPELINED, answered, label + " " + protocol);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            server.stop(Duration.ZERO);
        }
    }

    private static byte[] pipeline(WireProtocol protocol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < PIPELINED; i++) {
            out.writeBytes(protocol == WireProtocol.FRAME
                    ? FrameFormat.encodeRequest(new Request(Op.DELAY.code(), i, DELAY_MICROS, new byte[0]))
                    : ("GET /delay?us=" + DELAY_MICROS + " HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Reads until the server closes and counts the OK answers. */
    private static int answers(WireProtocol protocol, InputStream in) throws IOException {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(in.readAllBytes());
        } catch (IOException reset) {
            return 0;
        }
        int n = 0;
        if (protocol == WireProtocol.FRAME) {
            FrameDecoder<Response> decoder = FrameDecoder.responses(1024);
            for (Response r = decoder.decode(bytes); r != null; r = decoder.decode(bytes)) {
                n += r.status() == netarena.protocol.Status.OK ? 1 : 0;
            }
        } else {
            HttpResponseDecoder decoder = new HttpResponseDecoder(ProtocolLimits.defaults());
            for (HttpResponse r = decoder.decode(bytes); r != null; r = decoder.decode(bytes)) {
                n += r.statusCode() == 200 ? 1 : 0;
            }
        }
        return n;
    }
}
