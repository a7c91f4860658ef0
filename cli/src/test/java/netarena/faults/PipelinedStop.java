package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import netarena.experiments.launch.LaunchedServer;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 13: SIGTERM answers every request the server read, pipelined ones included. A server in its own
 * JVM; each connection first has one echo answered (so the server is reading it: a JVM just started may not
 * have read a fresh connection within the half second below, and what it never read it need not answer),
 * then pipelines three DELAYs; SIGTERM half a second later; every DELAY is answered within the grace
 * period (5 s) and the server exits 0.
 */
final class PipelinedStop {

    static final String LEGEND = "connections each answered one echo, then pipelining 3 DELAYs, SIGTERM half a second "
            + "after they were sent: "
            + "DELAYs answered (must be all), the server's exit code (must be 0) and how long the stop took";
    private static final int PIPELINED = 3;
    private static final long SETTLE_MILLIS = 500;

    private PipelinedStop() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale, Workers workers) throws Exception {
        List<WireClient> clients = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("--model", model.label(), "--protocol", protocol.label()));
        args.addAll(workers.serveArgs());
        try (LaunchedServer server = Machine.serve(List.of("-Xmx256m"), 0, args)) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (int i = 0; i < PIPELINED; i++) {
                wire.writeBytes(WireClient.delay(protocol, i, scale.stopDelayMicros()));
            }
            for (int c = 0; c < scale.stopConnections(); c++) {
                WireClient client = new WireClient(server.address(), protocol);
                client.send(WireClient.echo(protocol, c, new byte[] {1}));
                WireClient.Answer echo = client.receive();
                assertTrue(echo != null && echo.ok(), "connection " + c + " was not served before the stop");
                client.send(wire.toByteArray());
                clients.add(client);
            }
            Thread.sleep(SETTLE_MILLIS);
            long start = System.nanoTime();
            server.signal("TERM");
            int answered = 0;
            for (WireClient client : clients) {
                answered += answers(client);
            }
            int exit = server.stop();
            double seconds = (System.nanoTime() - start) / 1e9;
            int expected = scale.stopConnections() * PIPELINED;
            String figure = String.format("%d/%d answered, exit %d, stop took %.1f s", answered, expected, exit, seconds);
            assertEquals(expected, answered, figure);
            assertEquals(0, exit, figure);
            return figure;
        } finally {
            for (WireClient client : clients) {
                client.close();
            }
        }
    }

    /** Reads until the server closes; the OK answers. */
    private static int answers(WireClient client) {
        int ok = 0;
        try {
            for (WireClient.Answer a = client.receive(); a != null; a = client.receive()) {
                ok += a.ok() ? 1 : 0;
            }
        } catch (IOException reset) {
            // counted as far as it got
        }
        return ok;
    }
}
