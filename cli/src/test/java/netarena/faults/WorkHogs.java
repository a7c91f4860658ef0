package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestEncoder;
import netarena.server.ServerModel;

/**
 * Scenarios 10 and 11: a few hundred bytes of work must not freeze a server. A few connections pipeline
 * requests that hold a thread for seconds (BLOCK 10 s, CPU 10^9 rounds); meanwhile healthy probes, each a
 * new connection and one echo, must be answered within 3 s, and the attacker's own connections get BUSY
 * past their bound. Run with the default settings and with {@code --workers 4}, on every worker pool kind.
 */
final class WorkHogs {

    static final String BLOCK_LEGEND = "4 connections each pipeline two BLOCK 10 s (136 bytes as frames): healthy probes "
            + "(a new connection and one echo) answered within 3 s, must be at least 90%, the slowest; BLOCKs the server "
            + "answered BUSY, must be more than 0";
    static final String CPU_LEGEND = "2 connections each pipeline 1,024 CPU 10^9 (about 34 KB as frames): healthy probes "
            + "answered within 3 s, must be at least 90%, the slowest; CPUs answered BUSY, must be more than 0";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long PROBE_INTERVAL_NANOS = 500_000_000L;
    private static final double MIN_ANSWERED = 0.9;

    private WorkHogs() {
    }

    static String blockHog(ServerModel model, WireProtocol protocol, Scale scale, Workers workers) throws Exception {
        return run(model, protocol, scale, workers, Op.BLOCK, 4, 2, RequestWork.MAX_WAIT_MICROS);
    }

    static String cpuHog(ServerModel model, WireProtocol protocol, Scale scale, Workers workers) throws Exception {
        return run(model, protocol, scale, workers, Op.CPU, 2, 1024, RequestWork.MAX_CPU_UNITS);
    }

    private static String run(ServerModel model, WireProtocol protocol, Scale scale, Workers workers, Op op,
            int connections, int perConnection, long arg) throws Exception {
        try (InProcess server = InProcess.start(model, protocol, workers::applyTo)) {
            List<WireClient> attackers = new ArrayList<>();
            int answered = 0;
            long slowestMillis = 0;
            try {
                for (int c = 0; c < connections; c++) {
                    WireClient attacker = new WireClient(server.address(), protocol);
                    attacker.send(pipeline(protocol, op, arg, perConnection));
                    attackers.add(attacker);
                }
                server.await(s -> s.received(), connections);
                long next = System.nanoTime();
                for (int i = 0; i < scale.probes(); i++) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += PROBE_INTERVAL_NANOS;
                    long millis = probe(server, protocol, i);
                    if (millis >= 0) {
                        answered++;
                        slowestMillis = Math.max(slowestMillis, millis);
                    }
                }
            } finally {
                for (WireClient attacker : attackers) {
                    attacker.close();
                }
            }
            long busy = server.stats().requests(op, Status.BUSY);
            server.server().stop(Duration.ZERO);
            String figure = String.format("%d/%d probes answered (slowest %d ms); %d %s BUSY", answered, scale.probes(),
                    slowestMillis, busy, op.label());
            assertTrue(answered >= Math.ceil(MIN_ANSWERED * scale.probes()), figure);
            assertTrue(busy > 0, "the attacker was never answered BUSY: " + figure);
            return figure;
        }
    }

    /** A new connection and one echo: its round trip in milliseconds, or -1 when not answered OK within 3 s. */
    private static long probe(InProcess server, WireProtocol protocol, int id) {
        long start = System.nanoTime();
        try (WireClient probe = new WireClient(server.address(), protocol)) {
            probe.socket().setSoTimeout((int) PROBE_TIMEOUT.toMillis());
            byte[] payload = ("probe " + id).getBytes();
            probe.send(WireClient.echo(protocol, id, payload));
            WireClient.Answer a = probe.receive();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return a != null && a.ok() && millis < PROBE_TIMEOUT.toMillis() ? millis : -1;
        } catch (IOException timedOutOrRefused) {
            return -1;
        }
    }

    private static byte[] pipeline(WireProtocol protocol, Op op, long arg, int count) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            if (protocol == WireProtocol.FRAME) {
                wire.writeBytes(FrameFormat.encodeRequest(new Request(op.code(), i, arg, new byte[0])));
            } else {
                wire.writeBytes(op == Op.CPU ? HttpRequestEncoder.cpu("t", false, arg, i)
                        : HttpRequestEncoder.wait(op, "t", false, arg));
            }
        }
        return wire.toByteArray();
    }
}
