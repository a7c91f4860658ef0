package netarena.server;

import static netarena.server.testing.ModelConfigs.connectionsAtOnce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import netarena.server.testing.NeverReaders;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server-wide memory budget on every model: clients that never read cannot make the server hold more
 * than the budget plus a fair share each, small requests are served meanwhile, and a large request that
 * had to wait for memory goes through once the hoarders are gone.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryBudgetTest {

    private static final int HOARDERS = 16;
    private static final int PAYLOAD = FrameFormat.DEFAULT_MAX_FRAME_BYTES - FrameFormat.REQUEST_FIXED_BYTES;
    private static final long BUDGET = 2L << 20;
    /** Past its fair share a connection may still finish the read in hand: a read buffer's worth and its answers. */
    private static final long PER_CONNECTION_SLACK = ServerConfig.Limits.FAIR_SHARE_BYTES + 256 * 1024;

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void holdsNoMoreThanTheBudgetWhenManyClientsNeverRead(ServerModel model) throws Exception {
        ServerConfig config = connectionsAtOnce(model, ServerConfig.builder().threads(1, 0)
                .maxPendingBytes(1 << 20)
                .maxBufferedBytes(BUDGET)
                .build());
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            FrameClient big = new FrameClient(address);
            try (NeverReaders hoarders = NeverReaders.push(address, HOARDERS, PAYLOAD, Duration.ofMillis(500),
                    Duration.ofMillis(1500))) {
                ServerStats.Snapshot stats = server.stats();
                // without the budget each would hold max-pending plus a frame: 16 x 2 MiB
                assertTrue(stats.heldBytes() <= BUDGET + HOARDERS * PER_CONNECTION_SLACK,
                        "held " + (stats.heldBytes() >> 10) + " KiB for " + HOARDERS + " hoarders, budget "
                                + (BUDGET >> 10) + " KiB (pushed " + (hoarders.pushedBytes() >> 20) + " MiB)");
                assertTrue(stats.memoryPauses() > 0, "no connection was paused for memory");
                try (FrameClient small = new FrameClient(address)) {
                    assertArrayEquals("small".getBytes(),
                            small.call(Op.ECHO.code(), 1, 0, "small".getBytes()).payload());
                }
                // a large echo cannot be read while the budget is spent: it waits, it is not refused
                byte[] payload = new byte[PAYLOAD];
                payload[PAYLOAD - 1] = 42;
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                    try {
                        big.send(Op.ECHO.code(), 7, 0, payload);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Thread.sleep(300);
                hoarders.close();
                sent.get(20, TimeUnit.SECONDS);
                Response r;
                try {
                    r = big.receive();
                } catch (java.net.SocketException e) {
                    throw new AssertionError("the large request's connection was reset: " + server.stats(), e);
                }
                assertNotNull(r, "the large request's connection was closed: " + server.stats());
                assertEquals(Status.OK, r.status());
                assertArrayEquals(payload, r.payload());
            } finally {
                big.close();
            }
            ConformanceTest.awaitOpenConnections(server, 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.stats().heldBytes() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, server.stats().heldBytes(), "bytes still counted as held once every connection closed");
        }
    }

    /**
     * DELAYs pipelined by the thousand cost no payload, yet each waits on the timer: the timer holds at most
     * what the budget would (here 256 KiB / 256 B = 1024), the rest are answered BUSY at once, none is lost,
     * and the ones waiting count as held memory. A healthy client is served meanwhile. (The models that own a
     * thread per connection sleep a DELAY on that thread, so nothing piles up there.)
     */
    @ParameterizedTest
    @MethodSource(ModelConfigs.TIMER_DELAY_MODELS)
    void boundsTheDelaysWaitingOnTheTimerAndCountsThemAsHeld(ServerModel model) throws Exception {
        int connections = 8;
        int perConnection = 1000;
        int budget = 256 * 1024;
        ServerConfig config = ServerConfig.builder().threads(1, 0)
                .maxPendingBytes(budget)
                .maxBufferedBytes(budget)
                .build();
        int maxTimers = budget / 256;
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            List<FrameClient> hostile = new java.util.ArrayList<>();
            try {
                java.io.ByteArrayOutputStream delays = new java.io.ByteArrayOutputStream();
                for (int i = 0; i < perConnection; i++) {
                    delays.write(FrameFormat.encodeRequest(new netarena.protocol.Request(Op.DELAY.code(), i, 3_000_000,
                            new byte[0])));
                }
                for (int c = 0; c < connections; c++) {
                    FrameClient client = new FrameClient(address);
                    hostile.add(client);
                    client.sendRaw(delays.toByteArray());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (server.stats().received() < (long) connections * perConnection && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(100);
                ServerStats.Snapshot stats = server.stats();
                long busy = stats.requests(Op.DELAY, Status.BUSY);
                long waiting = stats.received() - busy - stats.requests(Op.DELAY, Status.OK);
                assertTrue(busy > 0, "no DELAY was answered BUSY with " + stats.received() + " taken in: " + stats);
                assertTrue(waiting <= maxTimers, waiting + " DELAYs waiting on the timer, at most " + maxTimers);
                assertTrue(stats.heldBytes() >= waiting * 256, waiting + " DELAYs waiting, held only " + stats);
                try (FrameClient healthy = new FrameClient(address)) {
                    assertArrayEquals("ok".getBytes(), healthy.call(Op.ECHO.code(), 1, 0, "ok".getBytes()).payload());
                }
                // every DELAY is answered, OK or BUSY: none is lost
                for (FrameClient client : hostile) {
                    for (int i = 0; i < perConnection; i++) {
                        Response r = client.receive();
                        assertNotNull(r, "connection closed after " + i + " answers");
                        assertTrue(r.status() == Status.OK || r.status() == Status.BUSY, r.toString());
                    }
                }
            } finally {
                FrameClient.closeAll(hostile);
            }
        }
    }
}
