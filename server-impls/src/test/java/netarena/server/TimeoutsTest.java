package netarena.server;

import static netarena.server.testing.ModelConfigs.connectionsAtOnce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The idle and header timeouts, enforced once in the shared core and run here on every model: a
 * thread-per-connection model's reader is blocked in {@code read} and must be unblocked by the close.
 * Timeouts are short (hundreds of ms); the checks bound only from below ("not before") and loosely from
 * above (within a few seconds), never a speed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeoutsTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofSeconds(30);

    private static Server start(ServerModel model, WireProtocol protocol, Duration idle, Duration header) {
        return model.create(connectionsAtOnce(model, ServerConfig.builder().protocol(protocol).threads(1, 0)
                .idleTimeout(idle).headerTimeout(header).build()));
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void closesAConnectionIdleLongerThanTheIdleTimeout(ServerModel model) throws Exception {
        try (Server server = start(model, WireProtocol.FRAME, SHORT, LONG);
                FrameClient client = new FrameClient(server.start())) {
            assertEquals(Status.OK, client.call(Op.ECHO.code(), 1, 0, new byte[8]).status());
            long start = System.nanoTime();
            assertTrue(client.closedByServer(), "an idle connection stayed open");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMillis >= SHORT.toMillis() - 50, "closed after " + tookMillis + " ms, before the idle timeout");
            awaitStat(server, s -> s.closedIdle(), 1);
            assertEquals(0, server.stats().closedSlow());
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void keepsTheFirstConnectionToAServerThatSatIdleLongerThanTheTimeout(ServerModel model) throws Exception {
        Duration idle = Duration.ofSeconds(1);
        try (Server server = start(model, WireProtocol.FRAME, idle, LONG)) {
            InetSocketAddress address = server.start();
            // no connection for longer than the idle timeout: the reaper's clock has not ticked yet
            Thread.sleep(idle.multipliedBy(5).dividedBy(2).toMillis());
            try (FrameClient client = new FrameClient(address)) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(Status.OK, client.call(Op.ECHO.code(), i, 0, new byte[8]).status(), "echo " + i);
                    Thread.sleep(150);
                }
            }
            assertEquals(0, server.stats().closedIdle(), "a busy first connection was closed as idle");
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void keepsAnIdleLookingConnectionWhoseRequestIsInFlight(ServerModel model) throws Exception {
        try (Server server = start(model, WireProtocol.FRAME, SHORT, LONG);
                FrameClient client = new FrameClient(server.start())) {
            // nothing crosses the wire for 0.9 s, three idle timeouts, but the DELAY is in flight
            assertEquals(Status.OK, client.call(Op.DELAY.code(), 1, 900_000, new byte[0]).status());
            assertEquals(Status.OK, client.call(Op.ECHO.code(), 2, 0, new byte[8]).status());
            assertEquals(0, server.stats().closedIdle());
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void endsAConnectionWhoseFrameIsNotWholeInTimeAndServesTheOthers(ServerModel model) throws Exception {
        try (Server server = start(model, WireProtocol.FRAME, LONG, SHORT)) {
            InetSocketAddress address = server.start();
            byte[] whole = FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 9, 0, new byte[100]));
            try (FrameClient healthy = new FrameClient(address); Socket slow = new Socket()) {
                slow.connect(address, 5_000);
                slow.setSoTimeout(100);
                // a byte every 100 ms: the connection is never idle, but its frame would take 12 s
                long start = System.nanoTime();
                boolean closed = false;
                for (int i = 0; i < whole.length - 1 && !closed; i++) {
                    try {
                        slow.getOutputStream().write(whole[i]);
                        closed = slow.getInputStream().read() < 0;
                    } catch (SocketTimeoutException stillOpen) {
                        closed = false;
                    } catch (IOException reset) {
                        closed = true;
                    }
                    assertEquals(Status.OK, healthy.call(Op.ECHO.code(), i, 0, new byte[4]).status());
                }
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(closed, "the slow frame was never cut off");
                assertTrue(tookMillis >= SHORT.toMillis() - 50, "cut off after " + tookMillis + " ms, before the timeout");
                awaitStat(server, s -> s.closedSlow(), 1);
                assertEquals(Status.OK, healthy.call(Op.ECHO.code(), 1000, 0, new byte[4]).status());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void answersTheRequestsBeforeAnUnfinishedOneThenCloses(ServerModel model) throws Exception {
        try (Server server = start(model, WireProtocol.FRAME, LONG, SHORT);
                FrameClient client = new FrameClient(server.start())) {
            byte[] first = FrameFormat.encodeRequest(new Request(Op.DELAY.code(), 1, 0, new byte[0]));
            byte[] second = FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 2, 0, "ok".getBytes()));
            byte[] wire = Arrays.copyOf(first, first.length + second.length + 5);
            System.arraycopy(second, 0, wire, first.length, second.length);
            System.arraycopy(second, 0, wire, first.length + second.length, 5);
            client.sendRaw(wire); // two whole requests and 5 bytes of a third
            Response a = client.receive();
            Response b = client.receive();
            assertEquals(Set.of(1L, 2L), Set.of(a.id(), b.id()), "both earlier requests answered");
            assertArrayEquals("ok".getBytes(), (a.id() == 2 ? a : b).payload());
            assertTrue(client.closedByServer(), "kept a connection whose third frame never came");
            awaitStat(server, s -> s.closedSlow(), 1);
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void endsAnHttpConnectionWhoseHeadIsNotWholeInTime(ServerModel model) throws Exception {
        try (Server server = start(model, WireProtocol.HTTP, LONG, SHORT)) {
            InetSocketAddress address = server.start();
            String head = "GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n";
            assertTrue(httpCutOff(address, head.substring(0, 20)), "a partial head was kept");
            // empty lines before a request count too: otherwise CRLF once a second would hold a connection
            assertTrue(httpCutOff(address, "\r\n"), "a connection sending only empty lines was kept");
            // a body that does not come is the same attack as a head that does not
            assertTrue(httpCutOff(address, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"),
                    "a partial body was kept");
            awaitStat(server, s -> s.closedSlow(), 3);
            try (Socket healthy = new Socket(address.getAddress(), address.getPort())) {
                healthy.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                healthy.setSoTimeout(5_000);
                byte[] start = healthy.getInputStream().readNBytes(12);
                assertEquals("HTTP/1.1 200", new String(start, StandardCharsets.US_ASCII));
            }
        }
    }

    /** Sends {@code bytes} and waits up to 5 s for the server to close: true when it did. */
    private static boolean httpCutOff(InetSocketAddress address, String bytes) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    static void awaitStat(Server server, java.util.function.ToLongFunction<ServerStats.Snapshot> stat, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stat.applyAsLong(server.stats()) < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, stat.applyAsLong(server.stats()));
    }
}
