package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.experiments.launch.LaunchedServer;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 6: file descriptors exhausted. The server runs in its own JVM under {@code ulimit -n}
 * {@value #LIMIT}; clients connect until accepting fails (and 50 more wait in the listen queue). Accept
 * failures must be logged once per interval with a count, not in a tight loop: the log lines over a few
 * seconds are counted. Then the clients close, and a new client must be served.
 */
final class DescriptorExhaustion {

    static final String LEGEND = "the open-file limit and what the server used at start; connections opened; "
            + "accept failures over " + DescriptorExhaustion.WATCH_SECONDS + " s and the log lines that reported them "
            + "(must be at most one a second, plus one); seconds until a new client was served after the others closed";
    static final int LIMIT = 256;
    static final int WATCH_SECONDS = 3;
    private static final Pattern SUPPRESSED = Pattern.compile("accept failed: .*\\((\\d+) more since the last report\\)");

    private DescriptorExhaustion() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        try (LaunchedServer server = Machine.serve(List.of("-Xmx128m"), LIMIT, List.of("--model", model.label()))) {
            // One request served first, as any server has done before its descriptors run out. This JVM loads
            // classes from the test classpath's directories, one open file per class: a request path never used
            // before exhaustion could not be loaded at all (a packaged jar is opened once and does not have this).
            assertTrue(served(server.address()), "the server did not answer a first echo: " + tail(server.logText()));
            long usedAtStart = descriptors(server.pid());
            int clients = (int) (LIMIT - Math.max(usedAtStart, 0)) + 50;
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket s = new Socket();
                    s.connect(server.address(), 5_000);
                    s.getOutputStream().write(WireClient.echo(WireProtocol.FRAME, i, new byte[8]));
                    open.add(s);
                }
                Thread.sleep(500);
                int linesBefore = acceptFailureLines(server.logText()).size();
                Thread.sleep(WATCH_SECONDS * 1000L);
                List<String> lines = acceptFailureLines(server.logText());
                List<String> watched = lines.subList(linesBefore, lines.size());
                long failures = watched.size();
                for (String line : watched) {
                    Matcher m = SUPPRESSED.matcher(line);
                    failures += m.find() ? Long.parseLong(m.group(1)) : 0;
                }
                assertTrue(!lines.isEmpty(), "no accept failure was logged with " + clients + " connections under ulimit -n "
                        + LIMIT + " (" + usedAtStart + " in use at start): " + tail(server.logText()));
                assertTrue(watched.size() <= WATCH_SECONDS + 1, watched.size() + " accept-failure log lines in "
                        + WATCH_SECONDS + " s: " + watched);
                for (Socket s : open) {
                    s.close();
                }
                open.clear();
                long start = System.nanoTime();
                boolean served = false;
                while (!served && System.nanoTime() - start < 15_000_000_000L) {
                    served = served(server.address());
                    if (!served) {
                        Thread.sleep(100);
                    }
                }
                double recoverySeconds = (System.nanoTime() - start) / 1e9;
                assertTrue(served, "no new client served 15 s after the others closed: " + tail(server.logText()));
                assertTrue(server.alive(), "the server died");
                return String.format("limit %d (%d used at start), %d connections: %d accept failures in %d s, %d log "
                        + "lines; served again %.1f s after they closed", LIMIT, usedAtStart, clients, failures,
                        WATCH_SECONDS, watched.size(), recoverySeconds);
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    private static boolean served(InetSocketAddress address) {
        try (WireClient client = new WireClient(address, WireProtocol.FRAME)) {
            client.socket().setSoTimeout(1_000);
            byte[] payload = "back".getBytes();
            client.send(WireClient.echo(WireProtocol.FRAME, 1, payload));
            WireClient.Answer a = client.receive();
            return a != null && a.ok() && Arrays.equals(payload, a.body());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> acceptFailureLines(String stderr) {
        return stderr.lines().filter(l -> l.contains("accept failed")).toList();
    }

    private static String tail(String stderr) {
        return stderr.length() > 2000 ? stderr.substring(stderr.length() - 2000) : stderr;
    }

    private static long descriptors(long pid) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
