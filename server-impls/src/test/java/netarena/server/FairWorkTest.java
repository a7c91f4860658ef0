package netarena.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Work never holds an I/O thread by default, and one connection's work cannot starve another's, on every
 * model: with one I/O thread and no workers, a connection pipelining two long BLOCKs gets BUSY for the second
 * and another connection is answered while the first runs.
 */
@Timeout(60)
class FairWorkTest {

    private static final long BLOCK_MICROS = 3_000_000;

    static List<ServerModel> models() {
        return ServerModel.availableModels();
    }

    @ParameterizedTest
    @MethodSource("models")
    void servesOthersWhileAConnectionBlocksAndRefusesItsSecondBlock(ServerModel model) throws IOException {
        // one I/O thread, except thread-per-client, whose fixed pool of one would serve one connection at a time
        ServerConfig config = ServerConfig.builder().threads(model == ServerModel.THREAD_PER_CLIENT ? 0 : 1, 0).build();
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            try (FrameClient hog = new FrameClient(address); FrameClient other = new FrameClient(address)) {
                hog.send(Op.BLOCK.code(), 1, BLOCK_MICROS, new byte[0]);
                hog.send(Op.BLOCK.code(), 2, BLOCK_MICROS, new byte[0]);
                Response busy = hog.receive();
                assertEquals(2, busy.id(), model.label() + ": the second BLOCK is answered first, BUSY");
                assertEquals(Status.BUSY, busy.status());
                assertArrayEquals("x".getBytes(), other.call(Op.ECHO.code(), 7, 0, "x".getBytes()).payload());
                assertEquals(0, hog.socket().getInputStream().available(),
                        model.label() + ": the other connection was answered before the first BLOCK ended");
                Response done = hog.receive();
                assertEquals(1, done.id());
                assertEquals(Status.OK, done.status());
            }
        }
    }
}
