package netarena.experiments.sut;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import netarena.load.HttpRequestSpec;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerifyGateTest {

    @Test
    void passesAServerThatAnswersEveryOpRight() throws IOException {
        ServerConfig config = ServerConfig.builder().threads(1, 0).build();
        try (Server server = ServerModel.SELECTOR.create(config)) {
            assertNull(VerifyGate.check(server.start(), WireProtocol.FRAME, HttpRequestSpec.ROUTES));
        }
    }

    @Test
    void passesAThreadPerClientPoolOfOne() throws IOException {
        ServerConfig config = ServerConfig.builder().threads(1, 0).build();
        try (Server server = ServerModel.THREAD_PER_CLIENT.create(config)) {
            assertNull(VerifyGate.check(server.start(), WireProtocol.FRAME, HttpRequestSpec.ROUTES));
        }
    }

    @Test
    void failsAServerThatCorruptsEchoes() throws Exception {
        try (CorruptingServer server = new CorruptingServer()) {
            VerifyGate.Failure failure = VerifyGate.check(server.address(), WireProtocol.FRAME, HttpRequestSpec.ROUTES);
            assertNotNull(failure, "a corrupting server passed the verify gate");
            assertTrue(failure.reason().contains("echo") && !failure.unreachable(), failure.toString());
        }
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        VerifyGate.Failure failure = VerifyGate.check(new InetSocketAddress("127.0.0.1", port), WireProtocol.FRAME,
                HttpRequestSpec.ROUTES);
        assertNotNull(failure);
        assertTrue(failure.unreachable(), failure.toString());
    }

    /** Answers every request OK, but flips the last byte of echo payloads: fast and wrong. */
    private static final class CorruptingServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::acceptLoop, "corrupting-acceptor");

        CorruptingServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    Thread t = new Thread(() -> serve(s), "corrupting-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void serve(Socket socket) {
            FrameDecoder<Request> decoder = FrameDecoder.requests(FrameFormat.DEFAULT_MAX_FRAME_BYTES);
            byte[] buffer = new byte[16 * 1024];
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    for (Request r = decoder.decode(bytes); r != null; r = decoder.decode(bytes)) {
                        byte[] payload = r.opCode() == 1 ? r.payload() : RequestWork.run(r).payload();
                        if (payload.length > 0 && r.opCode() == 1) {
                            payload[payload.length - 1] ^= 1;
                        }
                        out.write(FrameFormat.encodeResponse(new Response(Status.OK, r.id(), payload)).array());
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

}
