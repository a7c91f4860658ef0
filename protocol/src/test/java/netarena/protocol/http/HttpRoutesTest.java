package netarena.protocol.http;

import static netarena.protocol.http.ServerSim.body;
import static netarena.protocol.http.ServerSim.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netarena.protocol.Op;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRoutesTest {

    @Test
    void answersPlaintextWithHelloWorldAndEveryRequiredHeader() {
        ServerSim sim = new ServerSim().feed(get("/plaintext"));
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Server: netarena\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 13\r\n"
                + "\r\n"
                + "Hello, World!", sim.text());
        assertFalse(sim.closed);
    }

    @Test
    void mapsPlaintextToAnEchoOfItsBodySoTheSharedWorkPathAnswersIt() {
        Request r = new ServerSim().feed(get("/plaintext")).requests.get(0);
        assertEquals(Op.ECHO, r.op());
        assertArrayEquals("Hello, World!".getBytes(), r.payload());
    }

    @Test
    void echoesThePostBody() {
        HttpResponse r = new ServerSim()
                .feed("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello").only();
        assertEquals(200, r.statusCode());
        assertEquals("hello", body(r));
        assertEquals("application/octet-stream", r.header("content-type"));
        assertEquals("5", r.header("content-length"));
    }

    @Test
    void echoesAnEmptyPostBody() {
        HttpResponse r = new ServerSim().feed("POST /echo HTTP/1.1\r\nHost: t\r\n\r\n").only();
        assertEquals(200, r.statusCode());
        assertEquals("0", r.header("content-length"));
    }

    @Test
    void answersCpuFromSeedZeroByDefaultInUnsignedDecimal() {
        ServerSim sim = new ServerSim().feed(get("/cpu?units=3"));
        assertEquals(new Request(Op.CPU.code(), 0, 3, new byte[0]).id(), sim.requests.get(0).id());
        assertEquals(3, sim.requests.get(0).arg());
        assertEquals(Long.toUnsignedString(RequestWork.cpu(0, 3)), body(sim.only()));
        assertEquals("text/plain", sim.only().header("Content-Type"));
    }

    @Test
    void seedsCpuFromTheSeedParameterCarriedInTheRequestId() {
        ServerSim sim = new ServerSim().feed(get("/cpu?seed=18446744073709551615&units=1000"));
        assertEquals(-1L, sim.requests.get(0).id());
        assertEquals(Long.toUnsignedString(RequestWork.cpu(-1L, 1000)), body(sim.only()));
    }

    @Test
    void answersCpuWithZeroUnitsWithTheSeedItself() {
        assertEquals("42", body(new ServerSim().feed(get("/cpu?units=0&seed=42")).only()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delay", "block"})
    void answersWaitRoutesWithAnEmptyOkAndTheirOp(String route) {
        ServerSim sim = new ServerSim().feed(get("/" + route + "?us=250"));
        assertEquals(Op.fromLabel(route), sim.requests.get(0).op());
        assertEquals(250, sim.requests.get(0).arg());
        HttpResponse r = sim.only();
        assertEquals(200, r.statusCode());
        assertEquals("0", r.header("content-length"));
    }

    @Test
    void answers404ForAnUnknownPathAndKeepsTheConnection() {
        ServerSim sim = new ServerSim().feed(get("/nope") + get("/plaintext/") + get("/plaintext"));
        assertEquals(0, sim.requests.get(0).opCode(), "op 0 is rejected by RequestWork, not worked on");
        assertEquals(404, sim.responses().get(0).statusCode());
        assertEquals(404, sim.responses().get(1).statusCode());
        assertEquals(200, sim.responses().get(2).statusCode());
        assertFalse(sim.closed);
    }

    @Test
    void answers405WithAllowForAnUnsupportedMethodAndKeepsTheConnection() {
        ServerSim sim = new ServerSim().feed("POST /plaintext HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nab"
                + "GET /echo HTTP/1.1\r\nHost: t\r\n\r\n" + "PUT /cpu?units=1 HTTP/1.1\r\nHost: t\r\n\r\n" + get("/plaintext"));
        assertEquals(405, sim.responses().get(0).statusCode());
        assertEquals("GET, HEAD", sim.responses().get(0).header("allow"));
        assertEquals("POST", sim.responses().get(1).header("allow"));
        assertEquals("GET, HEAD", sim.responses().get(2).header("allow"));
        assertEquals("Hello, World!", body(sim.responses().get(3)));
        assertFalse(sim.closed);
    }

    @Test
    void treatsMethodsCaseSensitively() {
        assertEquals(405, new ServerSim().feed("get /plaintext HTTP/1.1\r\nHost: t\r\n\r\n").only().statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cpu?units=1000000001", "/delay?us=10000001", "/block?us=99999999999999999999999"})
    void answers400WhenRequestWorkRejectsTheArgAndKeepsTheConnection(String target) {
        ServerSim sim = new ServerSim().feed(get(target) + get("/plaintext"));
        HttpResponse r = sim.responses().get(0);
        assertEquals(400, r.statusCode());
        assertTrue(body(r).contains("must be at most"), body(r));
        assertEquals(200, sim.responses().get(1).statusCode());
        assertFalse(sim.closed);
    }

    @Test
    void acceptsTheLargestArgRequestWorkAllows() {
        ServerSim sim = new ServerSim().feed(get("/delay?us=" + RequestWork.MAX_WAIT_MICROS));
        assertEquals(200, sim.only().statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cpu", "/cpu?units=", "/cpu?units=-1", "/cpu?units=1e3", "/delay?us=+5", "/block?microseconds=5",
        "/cpu?units=1&seed=18446744073709551616", "/cpu?units=1&seed=-1", "/cpu?units=1&seed=x"})
    void answers400ForAMissingOrMalformedQueryAndKeepsTheConnection(String target) {
        ServerSim sim = new ServerSim().feed(get(target) + get("/plaintext"));
        assertEquals(400, sim.responses().get(0).statusCode());
        assertTrue(body(sim.responses().get(0)).startsWith("query parameter "));
        assertEquals(200, sim.responses().get(1).statusCode());
    }

    @Test
    void readsTheFirstOfRepeatedQueryParametersAndIgnoresOthers() {
        ServerSim sim = new ServerSim().feed(get("/delay?x=1&us=7&us=9&y"));
        assertEquals(7, sim.requests.get(0).arg());
    }

    @Test
    void answers503WhenTheServerIsBusyAndKeepsTheConnection() {
        ServerSim sim = new ServerSim(ServerSim.LIMITS, r -> Response.of(Status.BUSY, r.id()))
                .feed(get("/cpu?units=5") + get("/plaintext"));
        assertEquals(503, sim.responses().get(0).statusCode());
        assertEquals(503, sim.responses().get(1).statusCode());
        assertFalse(sim.closed);
    }

    @Test
    void isWhatTheHttpWireProtocolGivesEveryConnection() {
        assertTrue(WireProtocol.fromLabel("http").newServerCodec(ProtocolLimits.defaults()) instanceof HttpServerCodec);
    }

    @Test
    void findsRoutesOnlyByExactPath() {
        assertNull(Route.forPath("/PLAINTEXT"));
        assertEquals(Route.CPU, Route.forPath("/cpu"));
    }
}
