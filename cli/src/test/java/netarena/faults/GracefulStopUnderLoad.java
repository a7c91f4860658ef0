package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import netarena.protocol.WireProtocol;
import netarena.server.ServerDefaults;
import netarena.server.ServerModel;
import netarena.server.ServerStats;

/**
 * Scenario 7: a graceful stop under load. Eight clients keep 16 echoes each in flight when the server is
 * told to stop. Every request the server read must be answered before its connection closes, no answer may
 * be cut short (the clients see whole messages only), and the counts must agree: requests the server read =
 * requests it answered = answers the clients received. Requests still in the socket buffers were never read,
 * which is allowed.
 */
final class GracefulStopUnderLoad {

    static final String LEGEND = "requests the server read = answered = answers the clients received, and messages "
            + "cut short at the close (must be 0)";
    private static final int CLIENTS = 8;
    private static final int WINDOW = 16;

    private GracefulStopUnderLoad() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        InProcess server = InProcess.start(model, protocol, c -> c.threads(0, ServerDefaults.WORKERS));
        List<LoadedClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new LoadedClient(new WireClient(server.address(), protocol), protocol, i));
            }
            clients.forEach(LoadedClient::start);
            Thread.sleep(500);
            server.server().stop(Duration.ofSeconds(10));
            long received = 0;
            long sent = 0;
            int cutShort = 0;
            for (LoadedClient c : clients) {
                c.join();
                received += c.answers;
                sent += c.sent;
                cutShort += c.endedAtBoundary ? 0 : 1;
                assertEquals(0, c.mismatches, "client " + c.index + " got wrong answers: " + c.firstMismatch);
            }
            ServerStats.Snapshot stats = server.stats();
            assertTrue(received > 0, "no answer before the stop");
            assertEquals(0, cutShort, "connections whose last message was cut short");
            assertEquals(stats.received(), stats.totalRequests(), "requests read vs answered by the server: " + stats);
            assertEquals(stats.received(), received, "requests the server read vs answers the clients received");
            return String.format("read %d = answered %d = received %d (%d sent); 0 cut short", stats.received(),
                    stats.totalRequests(), received, sent);
        } finally {
            server.close();
            for (LoadedClient c : clients) {
                c.client.close();
            }
        }
    }

    /** A client with a writer keeping {@value #WINDOW} echoes in flight and a reader checking every answer. */
    private static final class LoadedClient {
        final WireClient client;
        final WireProtocol protocol;
        final int index;
        final Semaphore window = new Semaphore(WINDOW);
        final ConcurrentLinkedQueue<byte[]> inOrder = new ConcurrentLinkedQueue<>();
        final Map<Long, byte[]> byId = new ConcurrentHashMap<>();
        Thread writer;
        Thread reader;
        volatile long sent;
        long answers;
        long mismatches;
        String firstMismatch;
        boolean endedAtBoundary;

        LoadedClient(WireClient client, WireProtocol protocol, int index) {
            this.client = client;
            this.protocol = protocol;
            this.index = index;
        }

        void start() {
            writer = Thread.ofPlatform().daemon().name("graceful-writer-" + index).start(this::write);
            reader = Thread.ofPlatform().daemon().name("graceful-reader-" + index).start(this::read);
        }

        private void write() {
            try {
                for (long id = ((long) index << 32); ; id++) {
                    if (!window.tryAcquire(20, TimeUnit.SECONDS)) {
                        return;
                    }
                    byte[] payload = Arrays.copyOf(("client " + index + " request " + id).getBytes(), 48);
                    if (protocol == WireProtocol.FRAME) {
                        byId.put(id, payload);
                    } else {
                        inOrder.add(payload);
                    }
                    client.send(WireClient.echo(protocol, id, payload));
                    sent++;
                }
            } catch (IOException | InterruptedException e) {
                // the server closed: writing is over
            }
        }

        private void read() {
            try {
                for (WireClient.Answer a = client.receive(); a != null; a = client.receive()) {
                    byte[] expected = protocol == WireProtocol.FRAME ? byId.remove(a.id()) : inOrder.poll();
                    if (!a.ok() || expected == null || !Arrays.equals(expected, a.body())) {
                        mismatches++;
                        firstMismatch = firstMismatch != null ? firstMismatch : "answer " + answers + " id " + a.id();
                    }
                    answers++;
                    window.release();
                }
                endedAtBoundary = client.atBoundary();
            } catch (IOException e) {
                endedAtBoundary = false;
                firstMismatch = "reset instead of a close: " + e;
            }
        }

        void join() throws InterruptedException {
            reader.join(20_000);
            writer.interrupt();
            writer.join(5_000);
        }
    }
}
