package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 3: slowloris. Hundreds (full scale: a thousand) of connections each send one byte of a frame
 * or of an HTTP head per second, so none is ever idle and none ever finishes a request. The header
 * timeout, set short here, must cut every one of them off, while healthy clients are served with a p99 of
 * the same order as without the attack: both measured here, one after the other, on the same server.
 */
final class Slowloris {

    static final String LEGEND = "slow connections the header timeout cut off, out of those opened, and when; the "
            + "healthy p99 during the attack beside the p99 just before it: it must be within 10x of it, the p99 "
            + "before floored at 10 ms (this shared VM stalls for tens of ms at random; a server the attack blocks "
            + "shows seconds)";
    /** The p99 before the attack is floored at this before the 10x: see the legend. */
    private static final long P99_FLOOR_MICROS = 10_000;

    private Slowloris() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        int slow = scale.slowClients();
        long fdsNeeded = Machine.openFiles() + 2L * slow + 200;
        assumeTrue(Machine.maxOpenFiles() < 0 || Machine.maxOpenFiles() >= fdsNeeded, () -> slow + " slow connections "
                + "with client and server in one JVM need about " + fdsNeeded + " file descriptors; ulimit -n is "
                + Machine.maxOpenFiles());
        Duration timeout = scale.headerTimeout();
        try (InProcess server = InProcess.start(model, protocol, c -> c.headerTimeout(timeout))) {
            Duration window = Duration.ofMillis((long) (scale.attackSeconds() * 1000));
            HealthyTraffic.Outcome before = HealthyTraffic.run(protocol, server.address(), 4, 1_000, window);
            List<SlowConnection> attackers = new ArrayList<>(slow);
            try {
                // the healthy clients are connected before the attack: they are the server's existing clients
                HealthyTraffic.Running during = HealthyTraffic.start(protocol, server.address(), 4, 1_000,
                        window.plus(timeout).plusMillis(300));
                Thread.sleep(300);
                for (int i = 0; i < slow; i++) {
                    attackers.add(new SlowConnection(server.address(), request(protocol)));
                }
                long attackStart = System.nanoTime();
                long deadline = attackStart + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
                Cuts cuts = new Cuts(attackStart);
                for (long tick = attackStart; cuts.count < slow && System.nanoTime() < deadline;
                        tick += 1_000_000_000L) {
                    cuts.sweep(attackers, SlowConnection::dribble);
                    // look for cut-offs every 50 ms, send the next byte every second
                    long next = Math.min(tick + 1_000_000_000L, deadline);
                    while (System.nanoTime() < next && cuts.count < slow) {
                        Thread.sleep(50);
                        cuts.sweep(attackers, SlowConnection::closedByServer);
                    }
                }
                HealthyTraffic.Outcome o = during.outcome();
                assertEquals(slow, cuts.count, "slow connections cut off by the header timeout");
                assertTrue(cuts.firstMillis >= timeout.toMillis() - 100, "cut off after " + cuts.firstMillis
                        + " ms, before the header timeout of " + timeout.toMillis() + " ms");
                assertTrue(server.await(s -> s.closedSlow(), slow) >= slow, "closedSlow: " + server.stats());
                assertEquals(0, before.errors(), "healthy errors before the attack: " + before.detail());
                assertEquals(0, o.errors(), "healthy errors during the attack: " + o.detail());
                long bound = 10 * Math.max(before.p99Micros(), P99_FLOOR_MICROS);
                assertTrue(o.p99Micros() <= bound, "healthy p99 " + o.p99() + " during the attack, " + before.p99()
                        + " before it");
                return String.format("%d/%d cut at %.1f-%.1f s; p99 %s (before: %s)", cuts.count, slow,
                        cuts.firstMillis / 1000.0, cuts.lastMillis / 1000.0, o.p99(), before.p99());
            } finally {
                for (SlowConnection c : attackers) {
                    c.close();
                }
            }
        }
    }

    private static byte[] request(WireProtocol protocol) {
        return protocol == WireProtocol.FRAME ? WireClient.echo(protocol, 1, new byte[64])
                : "GET /plaintext HTTP/1.1\r\nHost: t\r\nUser-Agent: slow\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The attackers the server has cut off so far, and when the first and the last went, in ms from the
     * attack's start. Used by the attacking thread only.
     */
    private static final class Cuts {
        private final long startNanos;
        int count;
        long firstMillis = -1;
        long lastMillis = -1;

        Cuts(long startNanos) {
            this.startNanos = startNanos;
        }

        /** Counts each attacker not yet counted that {@code closed} finds cut off (asking it may send a byte). */
        void sweep(List<SlowConnection> attackers, Predicate<SlowConnection> closed) {
            for (SlowConnection c : attackers) {
                if (!c.cut && closed.test(c)) {
                    c.cut = true;
                    count++;
                    lastMillis = (System.nanoTime() - startNanos) / 1_000_000;
                    firstMillis = firstMillis < 0 ? lastMillis : firstMillis;
                }
            }
        }
    }

    /** One attacker: a non-blocking connection that sends the next byte of its request when told. */
    private static final class SlowConnection {
        private final SocketChannel channel;
        private final byte[] request;
        private final ByteBuffer probe = ByteBuffer.allocate(64);
        private int sent;
        boolean cut;

        SlowConnection(InetSocketAddress address, byte[] request) throws IOException {
            this.channel = SocketChannel.open(address);
            this.channel.configureBlocking(false);
            this.request = request;
        }

        /** Sends one more byte (never the last); true when the server has closed the connection. */
        boolean dribble() {
            if (closedByServer()) {
                return true;
            }
            try {
                if (sent < request.length - 1) {
                    channel.write(ByteBuffer.wrap(request, sent, 1));
                    sent++;
                }
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        /** True when a read says EOF or reset (the server sends nothing else to a request never finished). */
        boolean closedByServer() {
            try {
                probe.clear();
                return channel.read(probe) < 0;
            } catch (IOException e) {
                return true;
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // being discarded
            }
        }
    }
}
