package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every worker pool kind on every model keeps the rules the fixed pool keeps: BLOCK work on two workers answers
 * every request, a connection past its bound gets BUSY, and one pipelining connection does not delay another
 * by more than a task per busy thread; an elastic pool grows under load and shrinks after its keep-alive.
 */
@Timeout(60)
class WorkerPoolKindsTest {

    private static final int WORKERS = 2;
    /** An elastic pool's maximum in these tests: small, so that one connection can keep it busy. */
    private static final int ELASTIC_MAX = 4;
    private static final Duration KEEP_ALIVE = Duration.ofMillis(200);

    private static Server serve(ServerModel model, WorkerPoolKind kind, int workers) {
        ServerConfig config = ServerConfig.builder().threads(1, workers)
                .workerPool(new ServerConfig.WorkerPool(kind, ELASTIC_MAX, KEEP_ALIVE)).build();
        return model.create(ModelConfigs.connectionsAtOnce(model, config));
    }

    /** The most threads {@code kind} may run the work on: an elastic pool grows to its maximum. */
    private static int threadsCap(WorkerPoolKind kind) {
        return kind == WorkerPoolKind.ELASTIC ? ELASTIC_MAX : WORKERS;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(ModelConfigs.MODELS_AND_POOL_KINDS)
    void answersEveryBlockOnTwoWorkers(ServerModel model, WorkerPoolKind kind) throws IOException {
        try (Server server = serve(model, kind, WORKERS)) {
            InetSocketAddress address = server.start();
            List<FrameClient> clients = new ArrayList<>();
            try {
                for (int c = 0; c < 8; c++) {
                    FrameClient client = new FrameClient(address);
                    for (int i = 0; i < 3; i++) {
                        client.send(Op.BLOCK.code(), i, 10_000, new byte[0]);
                    }
                    clients.add(client);
                }
                for (FrameClient client : clients) {
                    for (int i = 0; i < 3; i++) {
                        Response r = client.receive();
                        assertNotNull(r, model.label() + " " + kind.label() + ": closed before every answer");
                        assertEquals(Status.OK, r.status(), model.label() + " " + kind.label());
                    }
                }
            } finally {
                FrameClient.closeAll(clients);
            }
            int peak = server.stats().workerThreadsPeak();
            assertTrue(peak >= 1 && peak <= threadsCap(kind),
                    model.label() + " " + kind.label() + ": " + peak + " worker threads at most");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(ModelConfigs.MODELS_AND_POOL_KINDS)
    void answersBusyPastAConnectionsDeclaredWork(ServerModel model, WorkerPoolKind kind) throws IOException {
        try (Server server = serve(model, kind, WORKERS); FrameClient hog = new FrameClient(server.start())) {
            for (int i = 1; i <= 3; i++) {
                hog.send(Op.BLOCK.code(), i, 600_000, new byte[0]);
            }
            int ok = 0;
            int busy = 0;
            for (int i = 0; i < 3; i++) {
                Response r = hog.receive();
                assertNotNull(r);
                ok += r.status() == Status.OK ? 1 : 0;
                busy += r.status() == Status.BUSY ? 1 : 0;
            }
            assertEquals(1, ok, model.label() + " " + kind.label() + ": the first 600 ms is taken");
            assertEquals(2, busy, model.label() + " " + kind.label() + ": the next two pass the 1 s bound");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource(ModelConfigs.MODELS_AND_POOL_KINDS)
    void aPipeliningConnectionDelaysAnotherByAtMostATaskPerThread(ServerModel model, WorkerPoolKind kind)
            throws Exception {
        int pipelined = 50; // 20 ms each: 1 s declared, the most one connection may queue
        try (Server server = serve(model, kind, WORKERS)) {
            InetSocketAddress address = server.start();
            try (FrameClient hog = new FrameClient(address); FrameClient other = new FrameClient(address)) {
                for (int i = 0; i < pipelined; i++) {
                    hog.send(Op.BLOCK.code(), i, 20_000, new byte[0]);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (server.stats().received() < pipelined && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long before = server.stats().requests(Op.BLOCK, Status.OK);
                Response echo = other.call(Op.ECHO.code(), 7, 0, "x".getBytes());
                long during = server.stats().requests(Op.BLOCK, Status.OK) - before;
                assertEquals(Status.OK, echo.status());
                int bound = 2 * threadsCap(kind) + 2;
                assertTrue(during <= bound, model.label() + " " + kind.label() + ": " + during + " of the other "
                        + "connection's BLOCKs ended while one echo waited (at most " + bound + ")");
                for (int i = 0; i < pipelined; i++) {
                    assertEquals(Status.OK, hog.receive().status());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ModelConfigs.MODELS)
    void anElasticPoolGrowsUnderLoadAndShrinksAfterItsKeepAlive(ServerModel model) throws Exception {
        try (Server server = serve(model, WorkerPoolKind.ELASTIC, 1)) {
            InetSocketAddress address = server.start();
            List<FrameClient> clients = new ArrayList<>();
            try {
                for (int c = 0; c < ELASTIC_MAX; c++) {
                    FrameClient client = new FrameClient(address);
                    client.send(Op.BLOCK.code(), c, 90_000, new byte[0]);
                    clients.add(client);
                }
                for (FrameClient client : clients) {
                    assertEquals(Status.OK, client.receive().status());
                }
            } finally {
                FrameClient.closeAll(clients);
            }
            int peak = server.stats().workerThreadsPeak();
            assertTrue(peak >= 2 && peak <= ELASTIC_MAX, model.label() + ": grew from 1 to " + peak + " threads");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.stats().workerThreads() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, server.stats().workerThreads(), model.label() + ": back to its core after the keep-alive");
        }
    }
}
