package netarena.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import netarena.protocol.Op;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection limit is exact after connections have ended in every way a server can end them. Each way runs
 * on {@value #PER_WAY} connections: the client closes after an answer, resets (linger 0), sends a bad frame,
 * garbage, a truncated frame, closes with a DELAY in flight, is cut by the header timeout, or is refused at the
 * limit. Right after (for the models that sleep a DELAY on the connection's thread, once the DELAYs are
 * answered: that thread cannot read the peer's close before), the client opens exactly the limit and {@value #EXTRA} more, one by one: each of the first
 * must be served, each extra refused; the server's open count must then equal the sockets it holds, counted
 * independently from {@code /proc/net/tcp}, and after a stop both must be 0.
 *
 * <p>Intermittent by nature (it races closes against new connections), so {@code scripts/limit-stress.sh}
 * repeats it; one run here is one try.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConnectionLimitStressTest {

    private static final int LIMIT = 100;
    private static final int EXTRA = 20;
    private static final int PER_WAY = 12;
    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(300);
    private static final long DELAY_MICROS = 1_000_000;
    private static final byte[] PING = "ping".getBytes();

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void limitIsExactAfterEveryWayAConnectionEnds(ServerModel model) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs /proc/net/tcp to count the server's sockets");
        ServerConfig base = ServerConfig.builder().threads(1, 0).maxConnections(LIMIT).backlog(LIMIT + EXTRA).build();
        ServerConfig config = ModelConfigs.connectionsAtOnce(model, base.toBuilder().timeouts(new ServerConfig.Timeouts(
                base.timeouts().idle(), HEADER_TIMEOUT, base.timeouts().grace())).build());
        Server server = model.create(config);
        List<FrameClient> held = new ArrayList<>();
        try {
            InetSocketAddress address = server.start();
            endConnectionsInEveryWay(address);
            if (!ModelConfigs.timerDelayModels().contains(model)) {
                // a DELAY sleeps on the connection's own thread, which cannot read the peer's close before it wakes
                awaitDelaysAnswered(server);
            }
            for (int i = 0; i < LIMIT; i++) {
                FrameClient client = new FrameClient(address);
                held.add(client);
                Response r = client.call(Op.ECHO.code(), i, 0, PING);
                assertNotNull(r, "connection " + (i + 1) + " of the limit " + LIMIT + " was refused");
                assertArrayEquals(PING, r.payload());
            }
            for (int i = 0; i < EXTRA; i++) {
                try (FrameClient extra = new FrameClient(address)) {
                    assertTrue(refused(extra), "connection " + (i + 1) + " past the limit " + LIMIT + " was served");
                }
            }
            int port = address.getPort();
            awaitQuiescence(server, port, LIMIT);
            assertEquals(LIMIT, server.stats().open(), "open connections with the limit held");
            assertEquals(LIMIT, socketsHeld(port), () -> "sockets the server holds with the limit held, by TCP state: "
                    + heldStates(port) + ", " + server.stats());
            server.stop(Duration.ofSeconds(2));
            awaitQuiescence(server, port, 0);
            assertEquals(0, server.stats().open(), "open connections after the stop");
            assertEquals(0, socketsHeld(port), "sockets the server holds after the stop");
        } finally {
            server.close();
            FrameClient.closeAll(held);
        }
    }

    /** Opens and ends {@value #PER_WAY} connections in each way, all open at once before they end. */
    private static void endConnectionsInEveryWay(InetSocketAddress address) throws Exception {
        Random random = new Random(16);
        List<FrameClient> delayed = new ArrayList<>();
        List<FrameClient> timedOut = new ArrayList<>();
        List<FrameClient> rest = new ArrayList<>();
        for (int i = 0; i < PER_WAY; i++) {
            FrameClient closed = new FrameClient(address);
            assertNotNull(closed.call(Op.ECHO.code(), i, 0, PING));
            rest.add(closed);
            FrameClient reset = new FrameClient(address);
            assertNotNull(reset.call(Op.ECHO.code(), i, 0, PING));
            reset.socket().setSoLinger(true, 0);
            rest.add(reset);
            FrameClient badFrame = new FrameClient(address);
            badFrame.sendRaw(ByteBuffer.allocate(17).putInt(-1).array());
            rest.add(badFrame);
            FrameClient garbage = new FrameClient(address);
            byte[] junk = new byte[64];
            random.nextBytes(junk);
            garbage.sendRaw(junk);
            rest.add(garbage);
            FrameClient truncated = new FrameClient(address);
            truncated.sendRaw(ByteBuffer.allocate(6).putInt(32).put((byte) Op.ECHO.code()).array());
            rest.add(truncated);
            FrameClient delay = new FrameClient(address);
            delay.send(Op.DELAY.code(), i, DELAY_MICROS, new byte[0]);
            delayed.add(delay);
            FrameClient slow = new FrameClient(address);
            slow.sendRaw(ByteBuffer.allocate(5).putInt(32).array());
            timedOut.add(slow);
        }
        List<FrameClient> overLimit = fillPastTheLimit(address, rest.size() + delayed.size() + timedOut.size());
        for (FrameClient slow : timedOut) {
            assertTrue(slow.closedByServer(), "the header timeout did not end a connection");
        }
        FrameClient.closeAll(rest);
        FrameClient.closeAll(delayed);
        FrameClient.closeAll(timedOut);
        FrameClient.closeAll(overLimit);
    }

    /**
     * Opens connections up to the limit and a few more, some of which are refused (how many depends on how many
     * of the ones before have ended by then: the lingering and timed-out ones end on their own).
     */
    private static List<FrameClient> fillPastTheLimit(InetSocketAddress address, int open) throws IOException {
        List<FrameClient> clients = new ArrayList<>();
        for (int i = open; i < LIMIT + PER_WAY; i++) {
            FrameClient client = new FrameClient(address);
            clients.add(client);
            refused(client);
        }
        return clients;
    }

    /** True when the server closes the connection without answering an echo. */
    private static boolean refused(FrameClient client) {
        try {
            return client.call(Op.ECHO.code(), 0, 0, PING) == null;
        } catch (IOException resetOrClosed) {
            return true;
        }
    }

    private static void awaitDelaysAnswered(Server server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().requests(Op.DELAY, Status.OK) < PER_WAY && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void awaitQuiescence(Server server, int port, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((server.stats().open() != expected || socketsHeld(port) != expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * The server's connected sockets on {@code port} that a process still holds: rows of {@code /proc/net/tcp}
     * and {@code tcp6} with that local port, not listening, and an inode (a socket closed by its owner and
     * still finishing in the kernel has none).
     */
    static int socketsHeld(int port) throws IOException {
        return heldRows(port).size();
    }

    /** How many held sockets are in each TCP state (hex codes of include/net/tcp_states.h: 01 ESTABLISHED, 08 CLOSE_WAIT). */
    private static String heldStates(int port) {
        try {
            Map<String, Integer> states = new TreeMap<>();
            heldRows(port).forEach(row -> states.merge(row[3], 1, Integer::sum));
            return states.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<String[]> heldRows(int port) throws IOException {
        String localPort = String.format(":%04X", port);
        List<String[]> held = new ArrayList<>();
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[1].endsWith(localPort) && !f[3].equals("0A") && !f[9].equals("0")) {
                    held.add(f);
                }
            }
        }
        return held;
    }
}
