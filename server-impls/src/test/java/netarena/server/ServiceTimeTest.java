package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import netarena.protocol.Op;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server counts how long each request holds a thread: a BLOCK of a known 2 ms holds its worker
 * (or its I/O thread) at least 2 ms, whatever the model.
 */
class ServiceTimeTest {

    private static final int REQUESTS = 10;
    private static final long BLOCK_MICROS = 2_000;

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void aBlockOfKnownLengthHoldsAThreadAtLeastThatLong(ServerModel model) throws Exception {
        ServerConfig config = ServerConfig.builder().threads(model == ServerModel.THREAD_PER_CLIENT ? 0 : 1, 2).build();
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            FrameClient client = new FrameClient(address);
            try {
                for (int i = 0; i < REQUESTS; i++) {
                    assertEquals(Status.OK, client.call(Op.BLOCK.code(), i, BLOCK_MICROS, new byte[0]).status());
                }
            } finally {
                client.close();
            }
            ServerStats.Snapshot stats = server.stats();
            assertEquals(REQUESTS, stats.threadHeldRequests(), stats.toString());
            assertTrue(stats.meanServiceMicros() >= BLOCK_MICROS, "held " + stats.meanServiceMicros() + " us");
        }
    }
}
