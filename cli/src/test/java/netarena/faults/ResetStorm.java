package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 1: clients that reset (SO_LINGER 0) in the middle of a request or in the middle of the answer,
 * hundreds of them, while a verifying load runs on other connections. Nothing may be lost or corrupted on
 * the healthy connections, and the server must end with no connection and no byte left over.
 */
final class ResetStorm {

    static final String LEGEND = "answers lost or wrong on the healthy connections (must be 0) out of those sent "
            + "during the storm, the healthy p99 during it, and the resets (half mid-request, half mid-response)";
    private static final int ANSWER_BYTES = 256 * 1024;

    private ResetStorm() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        try (InProcess server = InProcess.start(model, protocol, c -> c)) {
            HealthyTraffic.Running healthy = HealthyTraffic.start(protocol, server.address(), 4, 1_000,
                    Duration.ofMillis((long) (scale.attackSeconds() * 1000) + 500));
            Thread.sleep(300);
            long start = System.nanoTime();
            int midResponse = storm(server.address(), protocol, scale.resets());
            double stormSeconds = (System.nanoTime() - start) / 1e9;
            HealthyTraffic.Outcome o = healthy.outcome();
            assertTrue(o.sent() > 0, "no healthy traffic was sent");
            assertEquals(0, o.errors(), "healthy connections saw errors during the storm: " + o.detail());
            assertEquals(0, o.mismatches(), "healthy connections got wrong answers: " + o.detail());
            server.assertServes(protocol);
            server.awaitQuiet();
            return String.format("0 lost of %d, p99 %s, %d resets in %.1f s (%d after answer bytes came)", o.sent(),
                    o.p99(), scale.resets(), stormSeconds, midResponse);
        }
    }

    /** Resets {@code count} connections from 8 threads; returns how many were reset after the answer began. */
    private static int storm(InetSocketAddress address, WireProtocol protocol, int count) throws Exception {
        byte[] small = WireClient.echo(protocol, 1, new byte[1000]);
        byte[] large = WireClient.echo(protocol, 2, new byte[ANSWER_BYTES]);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(threads.submit(() -> n % 2 == 0 ? midRequest(address, small, n) : midResponse(address, large)));
            }
            int afterAnswer = 0;
            for (Future<Boolean> f : done) {
                afterAnswer += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return afterAnswer;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends part of a request (a different cut each time), then resets. */
    private static boolean midRequest(InetSocketAddress address, byte[] request, int n) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 5_000);
            s.getOutputStream().write(Arrays.copyOf(request, 1 + (n * 7) % (request.length - 1)));
            s.setSoLinger(true, 0);
        }
        return false;
    }

    /** Sends a request with a 256 KiB answer, waits for its first byte, then resets; true when a byte came. */
    private static boolean midResponse(InetSocketAddress address, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request);
            boolean began = s.getInputStream().read() >= 0;
            s.setSoLinger(true, 0);
            return began;
        }
    }
}
