package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 12: {@code --max-pipelined 1} is exact. One write brings a DELAY of 1 s and 29 echoes; while the
 * DELAY is unanswered the server may take none of the echoes, however many arrived in the same read.
 */
final class ExactMaxPipelined {

    static final String LEGEND = "with --max-pipelined 1, one write of a DELAY 1 s and 29 echoes: requests the server "
            + "took while the first was unanswered (must be 1), then answers (must be 30/30)";
    private static final int REQUESTS = 30;
    private static final long DELAY_MICROS = 1_000_000;
    private static final long SETTLE_MILLIS = 200;

    private ExactMaxPipelined() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale, Workers workers) throws Exception {
        try (InProcess server = InProcess.start(model, protocol, c -> workers.applyTo(c.maxPipelined(1)));
                WireClient client = new WireClient(server.address(), protocol)) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes(WireClient.delay(protocol, 0, DELAY_MICROS));
            for (int i = 1; i < REQUESTS; i++) {
                wire.writeBytes(WireClient.echo(protocol, i, new byte[] {(byte) i}));
            }
            client.send(wire.toByteArray());
            server.await(s -> s.received(), 1);
            Thread.sleep(SETTLE_MILLIS); // time for a server that takes more to show it; the DELAY runs for 1 s
            long taken = server.stats().received();
            int answered = 0;
            for (int i = 0; i < REQUESTS; i++) {
                WireClient.Answer a = client.receive();
                assertNotNull(a, "closed after " + answered + " answers");
                answered += a.ok() ? 1 : 0;
            }
            String figure = String.format("took %d while the first was unanswered; %d/%d answered", taken, answered,
                    REQUESTS);
            assertEquals(1, taken, figure);
            assertEquals(REQUESTS, answered, figure);
            return figure;
        }
    }
}
