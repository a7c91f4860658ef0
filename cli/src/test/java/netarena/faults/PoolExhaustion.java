package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 9: a worker pool exhausted by blocking work. Two workers, a worker queue of 16, and 500 BLOCK
 * requests of 20 ms sent at once (50 connections, 10 pipelined each): what does not fit in the queue is
 * answered BUSY at once (HTTP: 503), nothing is lost, nothing deadlocks, and once the burst is over every
 * request is served again.
 */
final class PoolExhaustion {

    static final String LEGEND = "of the BLOCK requests sent at once to 2 workers with a queue of 16: answered OK, "
            + "answered BUSY (HTTP 503), lost (must be 0); then requests after the burst answered OK";
    private static final int CONNECTIONS = 50;
    private static final int PER_CONNECTION = 10;
    private static final int QUEUE = 16;
    private static final long BLOCK_MICROS = 20_000;
    private static final int AFTER = 100;

    private PoolExhaustion() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        try (InProcess server = InProcess.start(model, protocol, c -> c.threads(0, 2).workerQueue(QUEUE))) {
            List<WireClient> clients = new ArrayList<>();
            int ok = 0;
            int busy = 0;
            try {
                for (int c = 0; c < CONNECTIONS; c++) {
                    clients.add(new WireClient(server.address(), protocol));
                }
                for (int c = 0; c < CONNECTIONS; c++) {
                    ByteArrayOutputStream wire = new ByteArrayOutputStream();
                    for (int i = 0; i < PER_CONNECTION; i++) {
                        wire.writeBytes(WireClient.wait(protocol, Op.BLOCK, (long) c * PER_CONNECTION + i, BLOCK_MICROS));
                    }
                    clients.get(c).send(wire.toByteArray());
                }
                for (WireClient client : clients) {
                    for (int i = 0; i < PER_CONNECTION; i++) {
                        WireClient.Answer a = client.receive();
                        assertNotNull(a, "a connection closed before all its answers came");
                        if (a.ok()) {
                            ok++;
                        } else {
                            assertTrue(a.busy(), "an answer neither OK nor BUSY: " + a.code());
                            busy++;
                        }
                    }
                }
            } finally {
                for (WireClient client : clients) {
                    client.close();
                }
            }
            int total = CONNECTIONS * PER_CONNECTION;
            assertEquals(total, ok + busy);
            assertTrue(busy > 0, "a queue of " + QUEUE + " took " + total + " blocking requests: nothing was refused");
            int after = 0;
            try (WireClient client = new WireClient(server.address(), protocol)) {
                for (int i = 0; i < AFTER; i++) {
                    client.send(WireClient.wait(protocol, Op.BLOCK, i, 100));
                    WireClient.Answer a = client.receive();
                    after += a != null && a.ok() ? 1 : 0;
                }
            }
            assertEquals(AFTER, after, "requests served after the burst");
            server.awaitQuiet();
            return String.format("%d at once: %d OK, %d BUSY, 0 lost; after: %d/%d OK", total, ok, busy, after, AFTER);
        }
    }
}
