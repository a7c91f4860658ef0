package netarena.protocol.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import netarena.protocol.Op;
import netarena.protocol.Request;
import org.junit.jupiter.api.Test;

/** What the client encodes, the server decodes into the intended Request. */
class HttpRequestEncoderTest {

    @Test
    void encodesEveryRouteAsTheServerReadsIt() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(HttpRequestEncoder.plaintext("localhost:8080", false));
        wire.writeBytes(HttpRequestEncoder.echo("h", false, new byte[] {0, 1, 2}));
        wire.writeBytes(HttpRequestEncoder.cpu("h", false, 77, -2L));
        wire.writeBytes(HttpRequestEncoder.wait(Op.DELAY, "h", false, 5));
        wire.writeBytes(HttpRequestEncoder.wait(Op.BLOCK, "h", true, 6));
        ServerSim sim = new ServerSim().feed(wire.toByteArray());
        assertEquals(5, sim.requests.size());
        assertRequest(sim.requests.get(0), Op.ECHO, 0, 0, "Hello, World!".getBytes());
        assertRequest(sim.requests.get(1), Op.ECHO, 0, 0, new byte[] {0, 1, 2});
        assertRequest(sim.requests.get(2), Op.CPU, -2L, 77, new byte[0]);
        assertRequest(sim.requests.get(3), Op.DELAY, 0, 5, new byte[0]);
        assertRequest(sim.requests.get(4), Op.BLOCK, 0, 6, new byte[0]);
        assertNull(sim.responses().get(3).header("connection"));
        assertTrue(sim.closed, "the last one asked to close");
    }

    @Test
    void refusesAHostThatWouldBreakTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> HttpRequestEncoder.plaintext("h\r\nX: y", false));
        assertThrows(IllegalArgumentException.class, () -> HttpRequestEncoder.wait(Op.CPU, "h", false, 1));
    }

    private static void assertRequest(Request r, Op op, long id, long arg, byte[] payload) {
        assertEquals(op, r.op());
        assertEquals(id, r.id());
        assertEquals(arg, r.arg());
        assertArrayEquals(payload, r.payload());
    }
}
