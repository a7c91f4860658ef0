package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 5: more connections than the server takes. First a flood to twice {@code --max-connections},
 * all held open at once: those past the limit are closed unanswered and counted refused, by the server and
 * by the clients alike. Then a burst of simultaneous connects against a listen backlog of 4: the kernel
 * drops what overflows the accept queue (the clients retry their SYN, or time out and count a failure),
 * and those past max-connections are refused again. Healthy traffic on two connections runs throughout
 * and the server serves a fresh client afterwards.
 */
final class ConnectionFlood {

    static final String LEGEND = "max-connections 50: a flood of 100 held open at once, refused as the clients saw it "
            + "and as the server counted it; then 300 connecting at once on a backlog of 4: answered, refused (past "
            + "max-connections), failed at the client (connect or answer timed out), and the kernel's listen overflows "
            + "meanwhile (TcpExt ListenOverflows, system-wide); errors on the two healthy connections (must be 0)";
    private static final int MAX_CONNECTIONS = 50;
    private static final int BURST = 300;

    private ConnectionFlood() {
    }

    /** What the clients of one wave saw. */
    private record Wave(int answered, int refused, int failed) {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        // thread-per-client with a fixed pool would queue, not refuse: it runs with a thread per client here
        try (InProcess server = InProcess.start(model, protocol,
                c -> c.maxConnections(MAX_CONNECTIONS).backlog(4).threads(0, 0))) {
            // healthy traffic runs until stopped, so its two connections hold their places throughout
            HealthyTraffic.Running healthy = HealthyTraffic.start(protocol, server.address(), 2, 500, Duration.ofSeconds(60));
            server.await(s -> s.open(), 2); // the healthy connections hold their two places first
            Wave flood = wave(server.address(), protocol, 2 * MAX_CONNECTIONS, true);
            long floodRefused = server.stats().refused();
            long overflowsBefore = listenOverflows();
            Wave burst = wave(server.address(), protocol, BURST, false);
            long overflows = overflowsBefore < 0 ? -1 : listenOverflows() - overflowsBefore;
            long burstRefused = server.stats().refused() - floodRefused;
            HealthyTraffic.Outcome o = healthy.stop();
            assertEquals(0, o.errors(), "healthy errors during the flood and the burst: " + o.detail());
            assertEquals(2 * MAX_CONNECTIONS, flood.answered() + flood.refused() + flood.failed());
            assertEquals(MAX_CONNECTIONS - 2, flood.answered(), "flood connections served (2 more are the healthy ones)");
            assertEquals(flood.refused(), floodRefused, "flood refused as the clients saw it vs as the server counted it");
            assertEquals(BURST, burst.answered() + burst.refused() + burst.failed());
            assertEquals(burst.refused(), burstRefused, "burst refused as the clients saw it vs as the server counted it");
            assertTrue(burst.answered() > 0, "nothing of the burst was served");
            server.assertServes(protocol);
            return String.format("flood %d: %d refused (server: %d); burst %d on backlog 4: %d answered, %d refused "
                    + "(server: %d), %d failed at the client, overflows %s; healthy 0 errors", 2 * MAX_CONNECTIONS,
                    flood.refused(), floodRefused, BURST, burst.answered(), burst.refused(), burstRefused, burst.failed(),
                    overflows < 0 ? "n/a" : "+" + overflows);
        }
    }

    /**
     * Opens {@code n} connections from 16 threads at once; each sends an echo and waits for its answer.
     * With {@code holdAll}, every connection stays open until all have their outcome, so the server sees
     * them all at the same time.
     */
    private static Wave wave(InetSocketAddress address, WireProtocol protocol, int n, boolean holdAll) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(n, 128));
        CountDownLatch outcomes = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] payload = ("flood " + i).getBytes();
                Callable<Integer> call = () -> {
                    go.await();
                    Socket s = new Socket();
                    int outcome;
                    try {
                        s.connect(address, 2_000);
                    } catch (IOException e) {
                        outcomes.countDown();
                        s.close();
                        return 2; // failed at the client: timed out, or refused by the kernel
                    }
                    try {
                        s.setSoTimeout(2_000);
                        s.getOutputStream().write(WireClient.echo(protocol, 1, payload));
                        outcome = answered(s, payload) ? 0 : 1;
                    } catch (SocketTimeoutException e) {
                        outcome = 2; // connected (the kernel's queue) but never served in time
                    } catch (IOException e) {
                        outcome = 1; // closed or reset by the server with no answer: refused
                    }
                    outcomes.countDown();
                    if (holdAll) {
                        outcomes.await(30, TimeUnit.SECONDS);
                    }
                    s.close();
                    return outcome;
                };
                results.add(threads.submit(call));
            }
            go.countDown();
            int[] counts = new int[3];
            for (Future<Integer> f : results) {
                counts[f.get(60, TimeUnit.SECONDS)]++;
            }
            return new Wave(counts[0], counts[1], counts[2]);
        } finally {
            threads.shutdownNow();
        }
    }

    /** True once the answer (which ends with the payload) came; false when the server closed without one. */
    private static boolean answered(Socket s, byte[] payload) throws IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = s.getInputStream().read(buffer); n >= 0; n = s.getInputStream().read(buffer)) {
            got.write(buffer, 0, n);
            byte[] all = got.toByteArray();
            if (all.length >= payload.length
                    && Arrays.equals(Arrays.copyOfRange(all, all.length - payload.length, all.length), payload)) {
                return true;
            }
        }
        return false;
    }

    /** The kernel's count of connections dropped because an accept queue was full; -1 when unknown. */
    private static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                if (lines.get(i).startsWith("TcpExt:")) {
                    List<String> names = Arrays.asList(lines.get(i).split("\\s+"));
                    String[] values = lines.get(i + 1).split("\\s+");
                    int at = names.indexOf("ListenOverflows");
                    return at < 0 ? -1 : Long.parseLong(values[at]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the figure says n/a
        }
        return -1;
    }
}
