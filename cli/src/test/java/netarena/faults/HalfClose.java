package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 2: a client sends its requests, some slow (DELAY 50 ms) and some not, then shuts its output.
 * Every request is answered, the server closes after the last answer, and the answers end at a message
 * boundary (HTTP: in request order).
 */
final class HalfClose {

    static final String LEGEND = "requests answered after the client shut its output, then closed by the server";
    private static final int REQUESTS = 10;

    private HalfClose() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        try (InProcess server = InProcess.start(model, protocol, c -> c);
                WireClient client = new WireClient(server.address(), protocol)) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] payload = ("request " + i).getBytes();
                payloads.add(payload);
                wire.writeBytes(i % 2 == 0 ? WireClient.echo(protocol, i, payload) : WireClient.delay(protocol, i, 50_000));
            }
            client.send(wire.toByteArray());
            client.socket().shutdownOutput();
            int answered = 0;
            for (WireClient.Answer a = client.receive(); a != null; a = client.receive()) {
                assertTrue(a.ok(), "answer " + answered + " was not OK");
                int i = protocol == WireProtocol.FRAME ? (int) a.id() : answered;
                if (i % 2 == 0) {
                    assertArrayEquals(payloads.get(i), a.body(), "the echo of request " + i);
                } else {
                    assertEquals(0, a.body().length, "the DELAY answer of request " + i);
                }
                answered++;
            }
            assertEquals(REQUESTS, answered, "answers before the server closed");
            assertTrue(client.atBoundary(), "the server closed in the middle of an answer");
            server.awaitQuiet();
            return answered + "/" + REQUESTS + " answered, then closed";
        }
    }
}
