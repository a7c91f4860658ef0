package netarena.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import netarena.server.virtual.VirtualThreadServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models that do not need a thread per connection serve 2,000 connections open at once on a single
 * I/O thread (one reactor, one completion thread, one carrier, one event loop).
 *
 * <p>The client is plain blocking sockets on {@value #CLIENT_THREADS} platform threads, each owning
 * 500 connections: every round it writes one echo on each of its connections, then reads and checks
 * each answer, so up to 2,000 requests are outstanding at once. Client and server share this JVM, so
 * the test needs about 4,000 file descriptors (one per end of each connection): it checks the limit
 * ({@code ulimit -n}) first and is skipped, saying so, when the limit is too low.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ManyConnectionsTest {

    private static final int CONNECTIONS = 2_000;
    private static final int CLIENT_THREADS = 4;
    private static final int ROUNDS = 3;

    @ParameterizedTest
    @MethodSource(ModelConfigs.WITHOUT_THREAD_PER_CONNECTION)
    void servesTwoThousandConnectionsOnOneIoThread(ServerModel model) throws Exception {
        assumeEnoughFileDescriptors();
        ServerConfig config = ServerConfig.builder().threads(1, 0).backlog(CONNECTIONS).build();
        ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<FrameClient> clients = new ArrayList<>(CONNECTIONS);
        try (Server server = model.create(config)) {
            InetSocketAddress address = server.start();
            if (model == ServerModel.VIRTUAL) {
                VirtualThreadServer.carrierThreads().ifPresent(n -> assertEquals(1, n, "carrier threads"));
            }
            int perThread = CONNECTIONS / CLIENT_THREADS;
            for (List<FrameClient> share : runOnEachThread(clientThreads, t -> connect(address, perThread))) {
                clients.addAll(share);
            }
            ConformanceTest.awaitOpenConnections(server, CONNECTIONS);
            for (int round = 0; round < ROUNDS; round++) {
                int r = round;
                runOnEachThread(clientThreads, t -> {
                    List<FrameClient> share = clients.subList(t * CONNECTIONS / CLIENT_THREADS,
                            (t + 1) * CONNECTIONS / CLIENT_THREADS);
                    echoOnEach(share, t * CONNECTIONS / CLIENT_THREADS, r);
                    return null;
                });
            }
            assertEquals((long) CONNECTIONS * ROUNDS, server.stats().requests(Op.ECHO, Status.OK));
            assertEquals(CONNECTIONS, server.stats().open(), "every connection stayed open throughout");
            FrameClient.closeAll(clients);
            ConformanceTest.awaitOpenConnections(server, 0);
        } finally {
            FrameClient.closeAll(clients);
            clientThreads.shutdownNow();
        }
    }

    private static List<FrameClient> connect(InetSocketAddress address, int n) throws Exception {
        List<FrameClient> share = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            share.add(new FrameClient(address));
        }
        return share;
    }

    /** One echo on every connection of {@code share}, all written before any answer is read. */
    private static void echoOnEach(List<FrameClient> share, int firstIndex, int round) throws Exception {
        for (int i = 0; i < share.size(); i++) {
            long id = (long) round * CONNECTIONS + firstIndex + i;
            share.get(i).send(Op.ECHO.code(), id, 0, payload(id));
        }
        for (int i = 0; i < share.size(); i++) {
            long id = (long) round * CONNECTIONS + firstIndex + i;
            Response r = share.get(i).receive();
            assertNotNull(r, "connection " + (firstIndex + i) + " closed in round " + round);
            assertEquals(Status.OK, r.status());
            assertEquals(id, r.id());
            assertArrayEquals(payload(id), r.payload());
        }
    }

    private static byte[] payload(long id) {
        return ("echo number " + id).getBytes(StandardCharsets.UTF_8);
    }

    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    private static <T> List<T> runOnEachThread(ExecutorService threads, ThreadTask<T> task) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            int thread = t;
            calls.add(() -> task.run(thread));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : threads.invokeAll(calls, 60, TimeUnit.SECONDS)) {
            results.add(f.get());
        }
        return results;
    }

    private static void assumeEnoughFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long needed = unix.getOpenFileDescriptorCount() + 2L * CONNECTIONS + 100;
            assumeTrue(unix.getMaxFileDescriptorCount() >= needed, () -> CONNECTIONS + " connections with client "
                    + "and server in one JVM need about " + needed + " file descriptors, but the limit (ulimit -n) "
                    + "is " + unix.getMaxFileDescriptorCount() + ": raise it to run this test");
        }
    }
}
