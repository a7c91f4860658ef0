package netarena.server;

import static netarena.server.testing.ModelConfigs.connectionsAtOnce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import netarena.server.testing.NeverReaders;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every model must have, written once and run over every registered model x io-threads
 * {1, 4} x workers {0, 2} (as Netty's testsuite runs one test over every transport). A new model in
 * {@link ServerModel} gets all of it with no test code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConformanceTest {

    private static final String MATRIX = ModelConfigs.MATRIX;
    private static final String NAME = "{0} io={1} workers={2}";

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void echoesPayloadsOfEverySizeIntact(ServerModel model, int io, int workers, ServerConfig config) throws Exception {
        int[] sizes = {0, 1, 13, 4096, 65536, FrameFormat.DEFAULT_MAX_FRAME_BYTES - FrameFormat.REQUEST_FIXED_BYTES};
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < sizes.length; i++) {
                byte[] payload = new byte[sizes[i]];
                random.nextBytes(payload);
                Response r = client.call(Op.ECHO.code(), 1000 + i, 0, payload);
                assertEquals(Status.OK, r.status());
                assertEquals(1000 + i, r.id());
                assertArrayEquals(payload, r.payload(), "payload of " + sizes[i] + " bytes");
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void answersOneHundredPipelinedRequestsOnOneConnection(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            ByteBuffer all = ByteBuffer.allocate(100 * FrameFormat.requestWireBytes(8));
            for (int i = 0; i < 100; i++) {
                byte[] payload = ByteBuffer.allocate(8).putLong(i * 31L).array();
                FrameFormat.writeRequest(all, Op.ECHO.code(), i, 0, payload, 0, 8);
            }
            client.sendRaw(all.array());
            Map<Long, byte[]> answers = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                Response r = client.receive();
                assertNotNull(r, "connection closed after " + i + " answers");
                assertEquals(Status.OK, r.status());
                answers.put(r.id(), r.payload());
            }
            for (long i = 0; i < 100; i++) {
                assertEquals(i * 31L, ByteBuffer.wrap(answers.get(i)).getLong(), "answer to id " + i);
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void servesTwoHundredConcurrentConnections(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            ExecutorService clients = Executors.newFixedThreadPool(32);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int c = 0; c < 200; c++) {
                    int conn = c;
                    results.add(clients.submit(() -> {
                        try (FrameClient client = new FrameClient(address)) {
                            for (int i = 0; i < 5; i++) {
                                byte[] payload = ("conn " + conn + " req " + i).getBytes();
                                Response r = client.call(Op.ECHO.code(), conn * 10L + i, 0, payload);
                                assertEquals(conn * 10L + i, r.id());
                                assertArrayEquals(payload, r.payload());
                            }
                            return 5;
                        }
                    }));
                }
                int answered = 0;
                for (Future<Integer> f : results) {
                    answered += f.get(45, TimeUnit.SECONDS);
                }
                assertEquals(1000, answered);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void runsEveryOpAndTheCpuResultIsRight(ServerModel model, int io, int workers, ServerConfig config) throws Exception {
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            Response cpu = client.call(Op.CPU.code(), 12345, 100_000, new byte[0]);
            assertEquals(Status.OK, cpu.status());
            assertEquals(RequestWork.cpu(12345, 100_000), ByteBuffer.wrap(cpu.payload()).getLong());

            long start = System.nanoTime();
            assertEquals(Status.OK, client.call(Op.DELAY.code(), 2, 20_000, new byte[0]).status());
            assertTrue(System.nanoTime() - start >= 20_000_000L, "DELAY answered before its 20 ms");

            start = System.nanoTime();
            assertEquals(Status.OK, client.call(Op.BLOCK.code(), 3, 20_000, new byte[0]).status());
            assertTrue(System.nanoTime() - start >= 20_000_000L, "BLOCK answered before its 20 ms");

            ServerStats.Snapshot stats = server.stats();
            assertEquals(1, stats.requests(Op.CPU, Status.OK));
            assertEquals(1, stats.requests(Op.DELAY, Status.OK));
            assertEquals(1, stats.requests(Op.BLOCK, Status.OK));
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void answersConcurrentDelaysWithoutHoldingAThread(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        // thread-per-client owns a thread per connection anyway: its DELAY sleeps there, so give it one each
        ServerConfig c = connectionsAtOnce(model, config.toBuilder().threads(1, workers).build());
        try (Server server = model.create(c)) {
            InetSocketAddress address = server.start();
            List<FrameClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    clients.add(new FrameClient(address));
                }
                long start = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    clients.get(i).send(Op.DELAY.code(), i, 300_000, new byte[0]);
                }
                for (int i = 0; i < 100; i++) {
                    Response r = clients.get(i).receive();
                    assertEquals(Status.OK, r.status());
                    assertEquals(i, r.id());
                }
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                // serial sleeping would take 30 s; concurrent waiting about 0.3 s
                assertTrue(tookMillis < 3_000, "100 concurrent 300 ms DELAYs took " + tookMillis + " ms");
            } finally {
                FrameClient.closeAll(clients);
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void answersBadRequestsAndKeepsTheConnection(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            assertEquals(Status.BAD_REQUEST, client.call(0, 1, 0, new byte[0]).status());
            assertEquals(Status.BAD_REQUEST, client.call(99, 2, 0, new byte[0]).status());
            assertEquals(Status.BAD_REQUEST, client.call(Op.CPU.code(), 3, RequestWork.MAX_CPU_UNITS + 1, new byte[0]).status());
            assertEquals(Status.BAD_REQUEST, client.call(Op.DELAY.code(), 4, RequestWork.MAX_WAIT_MICROS + 1, new byte[0]).status());
            Response r = client.call(Op.BLOCK.code(), 5, RequestWork.MAX_WAIT_MICROS + 1, new byte[0]);
            assertEquals(Status.BAD_REQUEST, r.status());
            assertEquals(5, r.id());
            assertArrayEquals("still here".getBytes(), client.call(Op.ECHO.code(), 6, 0, "still here".getBytes()).payload());
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void closesOnlyTheConnectionThatSentABadFrame(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        ServerConfig c = connectionsAtOnce(model, config.toBuilder().maxFrameBytes(64 * 1024).build());
        try (Server server = model.create(c)) {
            InetSocketAddress address = server.start();
            try (FrameClient healthy = new FrameClient(address)) {
                assertEquals(Status.OK, healthy.call(Op.ECHO.code(), 1, 0, new byte[10]).status());
                for (int badLength : new int[] {0, 12, 64 * 1024 + 1, -1}) {
                    try (FrameClient bad = new FrameClient(address)) {
                        bad.sendRaw(ByteBuffer.allocate(17).putInt(badLength).array());
                        Response r = bad.receive();
                        assertNotNull(r, "no BAD_FRAME answer for length " + badLength);
                        assertEquals(Status.BAD_FRAME, r.status());
                        assertEquals(0, r.id());
                        assertTrue(bad.closedByServer(), "connection kept after bad length " + badLength);
                    }
                    assertEquals(Status.OK, healthy.call(Op.ECHO.code(), 2, 0, new byte[10]).status());
                }
            }
            try (FrameClient fresh = new FrameClient(address)) {
                assertEquals(Status.OK, fresh.call(Op.ECHO.code(), 3, 0, new byte[10]).status());
            }
            assertEquals(4, server.stats().protocolErrors());
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void survivesFiftyClientsThatResetMidFrame(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            for (int i = 0; i < 50; i++) {
                FrameClient rude = new FrameClient(address);
                byte[] whole = FrameFormat.encodeRequest(new netarena.protocol.Request(1, i, 0, new byte[1000]));
                rude.sendRaw(java.util.Arrays.copyOf(whole, 1 + i * 10));
                rude.socket().setSoLinger(true, 0); // close with RST
                rude.close();
            }
            try (FrameClient client = new FrameClient(address)) {
                assertArrayEquals("ok".getBytes(), client.call(Op.ECHO.code(), 1, 0, "ok".getBytes()).payload());
            }
            awaitOpenConnections(server, 0);
        }
    }

    /**
     * With max-pipelined 1, every request stops reading until its answer is counted out. An event-loop model
     * that re-checked before that (as its write completed) must still be told to read again: 200 calls in a
     * row, answered by the I/O thread, a worker or the timer, none may stall.
     */
    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void readsAgainAfterEachRequestThatFilledMaxPipelined(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        ServerConfig c = config.toBuilder().maxPipelined(1).build();
        try (Server server = model.create(c); FrameClient client = new FrameClient(server.start())) {
            client.socket().setSoTimeout(5_000);
            for (int i = 0; i < 200; i++) {
                boolean delay = i % 2 == 1;
                Response r = client.call(delay ? Op.DELAY.code() : Op.ECHO.code(), i, delay ? 100 : 0, new byte[16]);
                assertNotNull(r, "closed after " + i + " answers");
                assertEquals(Status.OK, r.status(), "answer " + i);
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void stopsReadingFromAClientThatNeverReads(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        // a fixed pool of connection threads serves that many clients at once, by design: unbounded here
        ServerConfig c = connectionsAtOnce(model, config.toBuilder().maxPendingBytes(256 * 1024).build());
        try (Server server = model.create(c)) {
            InetSocketAddress address = server.start();
            // three clients, more than the workers: each blocked answer must hold its own connection's writer,
            // never a worker, or the other client's request would wait behind them
            try (NeverReaders never = NeverReaders.push(address, 3, 64 * 1024, Duration.ofSeconds(1),
                    Duration.ofSeconds(6))) {
                // without backpressure the server would take everything they send (the 6 s cap on loopback is
                // gigabytes); with it, the socket buffers on both sides plus max-pending fill up and the writes stall
                assertTrue(never.pushedBytes() < 3 * (48L << 20), "the server took " + (never.pushedBytes() >> 20)
                        + " MiB from three clients that never read");
                try (FrameClient other = new FrameClient(address)) {
                    assertArrayEquals("served".getBytes(),
                            other.call(Op.ECHO.code(), 1, 0, "served".getBytes()).payload());
                }
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void refusesConnectionsPastTheLimitAndServesTheOthers(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        ServerConfig c = connectionsAtOnce(model, config.toBuilder().maxConnections(3).build());
        try (Server server = model.create(c)) {
            InetSocketAddress address = server.start();
            List<FrameClient> admitted = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    FrameClient client = new FrameClient(address);
                    admitted.add(client);
                    assertEquals(Status.OK, client.call(Op.ECHO.code(), i, 0, new byte[4]).status());
                }
                try (FrameClient refused = new FrameClient(address)) {
                    assertTrue(refused.closedByServer(), "fourth connection was not closed");
                }
                for (FrameClient client : admitted) {
                    assertEquals(Status.OK, client.call(Op.ECHO.code(), 9, 0, new byte[4]).status());
                }
                assertEquals(1, server.stats().refused());
            } finally {
                FrameClient.closeAll(admitted);
            }
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void stopsGracefullyWithRequestsInFlight(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        ServerConfig c = connectionsAtOnce(model, config);
        Server server = model.create(c);
        InetSocketAddress address = server.start();
        List<FrameClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                FrameClient client = new FrameClient(address);
                clients.add(client);
                client.send(Op.DELAY.code(), 100 + i, 400_000, new byte[0]);
                client.send(Op.ECHO.code(), 200 + i, 0, new byte[100]);
            }
            awaitRequestsRead(server, 5);
            server.stop(Duration.ofSeconds(10));
            for (FrameClient client : clients) {
                List<Long> ids = new ArrayList<>();
                for (Response r = client.receive(); r != null; r = client.receive()) {
                    assertEquals(Status.OK, r.status());
                    ids.add(r.id());
                }
                assertEquals(2, ids.size(), "answers before close: " + ids);
            }
        } finally {
            server.stop(Duration.ZERO);
            FrameClient.closeAll(clients);
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void answersEveryRequestOfAHalfClosedClientThenCloses(ServerModel model, int io, int workers, ServerConfig config)
            throws Exception {
        try (Server server = model.create(config); FrameClient client = new FrameClient(server.start())) {
            for (int i = 0; i < 10; i++) {
                client.send(i % 2 == 0 ? Op.ECHO.code() : Op.DELAY.code(), i, i % 2 == 0 ? 0 : 50_000, new byte[64]);
            }
            client.socket().shutdownOutput();
            int answers = 0;
            for (Response r = client.receive(); r != null; r = client.receive()) {
                assertEquals(Status.OK, r.status());
                answers++;
            }
            assertEquals(10, answers);
        }
    }

    @ParameterizedTest(name = NAME)
    @MethodSource(MATRIX)
    void neverLetsOneConnectionsStateLeakIntoAnotherOnTheSameThread(ServerModel model, int io, int workers,
            ServerConfig config) throws Exception {
        // io-threads 1: every connection shares the one I/O thread (or pooled connection thread)
        ServerConfig c = config.toBuilder().threads(1, workers).build();
        try (Server server = model.create(c)) {
            InetSocketAddress address = server.start();
            byte[] whole = FrameFormat.encodeRequest(new netarena.protocol.Request(1, 77, 0, "AAAA".getBytes()));
            try (FrameClient first = new FrameClient(address)) {
                first.sendRaw(java.util.Arrays.copyOf(whole, 10)); // half a header, then gone
            }
            for (int i = 0; i < 3; i++) {
                try (FrameClient second = new FrameClient(address)) {
                    Response r = second.call(Op.ECHO.code(), 5, 0, "BB".getBytes());
                    assertEquals(5, r.id());
                    assertArrayEquals("BB".getBytes(), r.payload());
                }
            }
        }
    }

    static void awaitOpenConnections(Server server, int open) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().open() != open && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(open, server.stats().open(), "open connections");
    }

    private static void awaitRequestsRead(Server server, long echoes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().requests(Op.ECHO, Status.OK) < echoes && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
