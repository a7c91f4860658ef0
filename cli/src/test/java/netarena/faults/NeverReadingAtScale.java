package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netarena.experiments.launch.LaunchedServer;
import netarena.protocol.FrameFormat;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;
import netarena.server.testing.NeverReaders;

/**
 * Scenario 4: clients that never read, at scale. Two hundred connections push 1 MiB echoes at a server in
 * its own JVM with a 256 MiB heap and never read an answer: unbounded, that is 200 x (a request and its
 * answer) = 400 MiB and more. The server must not run out of memory (nothing in its stderr), must still
 * answer healthy clients, and its heap after a full collection says what it holds.
 */
final class NeverReadingAtScale {

    static final String LEGEND = "heap in use after a full GC with the never-readers connected (-Xmx256m, budget a "
            + "quarter of it), the server's RSS, what the never-readers pushed, and the healthy clients' errors "
            + "(must be 0); no OutOfMemoryError";
    private static final int PAYLOAD = FrameFormat.DEFAULT_MAX_FRAME_BYTES - FrameFormat.REQUEST_FIXED_BYTES;

    private NeverReadingAtScale() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        try (LaunchedServer server = Machine.serve(List.of("-Xmx256m"), 0,
                List.of("--model", model.label(), "--max-connections", "10000"))) {
            try (NeverReaders readers = NeverReaders.push(server.address(), scale.neverReaders(), PAYLOAD,
                    Duration.ofSeconds(1), Duration.ofSeconds(4))) {
                HealthyTraffic.Outcome o = HealthyTraffic.run(WireProtocol.FRAME, server.address(), 2, 500,
                        Duration.ofSeconds(1));
                long heapKiB = Machine.heapAfterFullGcKiB(server.pid());
                long rssKiB = Machine.procStatus(server.pid(), "VmRSS");
                String stderr = server.logText();
                assertTrue(server.alive(), "the server died: " + stderr);
                assertFalse(stderr.contains("OutOfMemoryError"), "the server ran out of memory: " + stderr);
                assertEquals(0, o.errors(), "healthy clients beside the never-readers: " + o.detail());
                assertTrue(o.ok() > 0, "no healthy answer");
                return String.format("heap after GC %d MiB of 256, RSS %d MiB; %d never-readers pushed %d MiB; healthy "
                        + "%d OK, 0 errors", heapKiB >> 10, rssKiB >> 10, scale.neverReaders(),
                        readers.pushedBytes() >> 20, o.ok());
            }
        }
    }
}
