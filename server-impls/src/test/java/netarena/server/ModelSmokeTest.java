package netarena.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few behaviours every model must show, run on every registered model: written once, as the
 * conformance suite will be. Loopback, ephemeral ports, each test bounded in time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ModelSmokeTest {

    static Stream<Arguments> modelsWithAndWithoutWorkers() {
        return Arrays.stream(ServerModel.values()).flatMap(m -> Stream.of(Arguments.of(m, 0), Arguments.of(m, 2)));
    }

    private static Server start(ServerConfig config) throws Exception {
        assumeTrue(config.model().available(), () -> config.model().unavailabilityReason());
        return config.model().create(config);
    }

    @ParameterizedTest(name = "{0} workers={1}")
    @MethodSource("modelsWithAndWithoutWorkers")
    void answersPipelinedEchoCpuAndDelay(ServerModel model, int workers) throws Exception {
        ServerConfig config = ServerConfig.defaults(model).withThreads(1, workers);
        try (Server server = start(config); SmokeClient client = new SmokeClient(server.start())) {
            for (int i = 0; i < 20; i++) {
                client.send(Op.ECHO, i, 0, ("hello " + i).getBytes(StandardCharsets.UTF_8));
            }
            client.send(Op.CPU, 100, 1000, new byte[0]);
            client.send(Op.DELAY, 101, 20_000, new byte[0]);
            client.send(Op.BLOCK, 102, 1_000, new byte[0]);
            client.send(Op.DELAY, 103, RequestWork.MAX_WAIT_MICROS + 1, new byte[0]);
            boolean[] seen = new boolean[104];
            for (int n = 0; n < 24; n++) {
                Response r = client.receive();
                assertNotNull(r, "answer " + n + " missing");
                int id = (int) r.id();
                seen[id] = true;
                if (id < 20) {
                    assertEquals(Status.OK, r.status());
                    assertArrayEquals(("hello " + id).getBytes(StandardCharsets.UTF_8), r.payload());
                } else if (id == 100) {
                    assertArrayEquals(RequestWork.u64(RequestWork.cpu(100, 1000)), r.payload());
                } else if (id == 103) {
                    assertEquals(Status.BAD_REQUEST, r.status());
                } else {
                    assertEquals(Status.OK, r.status(), "id " + id);
                }
            }
            assertEquals(20, server.stats().requests(Op.ECHO, Status.OK));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerModel.class)
    void answersEverythingReadBeforeTheClientsHalfClose(ServerModel model) throws Exception {
        try (Server server = start(ServerConfig.defaults(model)); SmokeClient client = new SmokeClient(server.start())) {
            for (int i = 0; i < 5; i++) {
                client.send(Op.DELAY, i, 10_000, new byte[0]);
            }
            client.shutdownOutput();
            for (int i = 0; i < 5; i++) {
                assertNotNull(client.receive(), "answer " + i + " missing after half-close");
            }
            assertNull(client.receive(), "the server should close once everything is answered");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerModel.class)
    void closesConnectionAfterBadFrame(ServerModel model) throws Exception {
        try (Server server = start(ServerConfig.defaults(model)); SmokeClient client = new SmokeClient(server.start())) {
            client.sendRaw(ByteBuffer.allocate(4).putInt(1).array());
            Response r = client.receive();
            assertNotNull(r);
            assertEquals(Status.BAD_FRAME, r.status());
            assertTrue(client.closedByServer());
            awaitTrue(() -> server.stats().protocolErrors() == 1 && server.stats().open() == 0);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerModel.class)
    void refusesConnectionsOverTheLimit(ServerModel model) throws Exception {
        try (Server server = start(ServerConfig.defaults(model).withMaxConnections(1))) {
            InetSocketAddress address = server.start();
            try (SmokeClient first = new SmokeClient(address)) {
                first.send(Op.ECHO, 1, 0, new byte[] {1});
                assertNotNull(first.receive());
                try (SmokeClient second = new SmokeClient(address)) {
                    assertTrue(second.closedByServer());
                }
                awaitTrue(() -> server.stats().refused() == 1);
                first.send(Op.ECHO, 2, 0, new byte[] {2});
                assertEquals(2, first.receive().id());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerModel.class)
    void stopsReadingWhileAnswersPileUpThenAnswersEverything(ServerModel model) throws Exception {
        int requests = 6000;
        byte[] payload = new byte[4096];
        Arrays.fill(payload, (byte) 7);
        long totalBytes = (long) requests * (4 + 13 + payload.length);
        ServerConfig config = ServerConfig.defaults(model).withThreads(1, 0).withMaxPendingBytes(16 * 1024);
        try (Server server = start(config); SmokeClient client = new SmokeClient(server.start())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < requests; i++) {
                        client.send(Op.ECHO, i, 0, payload);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long before;
            long after = server.stats().bytesIn();
            do {
                before = after;
                Thread.sleep(300);
                after = server.stats().bytesIn();
            } while (after != before && !writer.isDone());
            assertTrue(after < totalBytes / 2, "the server read " + after + " of " + totalBytes
                    + " bytes while the client read no answer: it should have stopped reading");
            for (int i = 0; i < requests; i++) {
                Response r = client.receive();
                assertNotNull(r, "answer " + i + " missing");
                assertEquals(i, r.id());
                assertArrayEquals(payload, r.payload());
            }
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerModel.class)
    void stopAnswersRequestsInFlightThenCloses(ServerModel model) throws Exception {
        Server server = start(ServerConfig.defaults(model));
        try (SmokeClient client = new SmokeClient(server.start())) {
            client.send(Op.DELAY, 9, 300_000, new byte[0]);
            Thread.sleep(100);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
            Response r = client.receive();
            assertNotNull(r, "the request in flight was not answered");
            assertEquals(9, r.id());
            assertTrue(client.closedByServer());
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            Thread.sleep(10);
        }
    }
}
