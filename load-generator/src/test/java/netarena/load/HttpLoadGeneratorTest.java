package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine speaking HTTP/1.1 over loopback to a small server on the shared codec. */
@Timeout(30)
class HttpLoadGeneratorTest {

    @AutoClose
    private final TestHttpServer server = TestHttpServer.start();

    /** Lenient on the generator's own health: the test machine is shared, validity is tested elsewhere. */
    private LoadPlan plan() {
        return LoadPlan.to("127.0.0.1", server.port()).withTarget(t -> t.withProtocol(WireProtocol.HTTP))
                .withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)).withBounds(b -> b
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    private static void assertAccounted(LoadResult.RequestCounts c) {
        assertEquals(c.sent(), c.ok() + c.failed() + c.inFlightAtEnd(), "sent = ok + failed + in flight: " + c);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void verifiesEveryRouteWithPipelining(Op op) {
        long arg = op == Op.CPU ? 50 : op == Op.ECHO ? 0 : 100;
        LoadResult r = LoadGenerator.run(plan().withLimits(l -> l.withConnections(2, 1)).with(new ClosedLoop(8))
                .withRequest(q -> q.withOp(op, 300, arg)).withBounds(b -> b.forRequests(400, Duration.ofSeconds(20))));
        assertEquals(LoadResult.EXIT_OK, r.exitCode(), op + ": " + r.errors() + " " + r.mismatchSamples());
        assertEquals(400, r.requests().sent());
        assertEquals(400, r.requests().ok());
        assertEquals(0, r.connections().closedByServer());
    }

    @Test
    void openLoopKeepsItsScheduleOverHttp() {
        LoadResult r = LoadGenerator.run(plan().withLimits(l -> l.withConnections(2, 1))
                .with(new OpenLoop(1_000, Arrivals.CONSTANT))
                .withRequest(q -> q.withOp(Op.CPU, 0, 10)).withBounds(b -> b.forRequests(300, Duration.ofSeconds(20))));
        assertEquals(300, r.requests().ok(), r.errors() + " " + r.mismatchSamples());
        assertEquals(300, r.sendLag().getTotalCount());
        assertAccounted(r.requests());
    }

    @Test
    void reopensAndResendsWhenTheServerAnnouncesItsClose() {
        server.closeAfter(25);
        LoadResult r = LoadGenerator.run(plan().withLimits(l -> l.withConnections(2, 1)).with(new ClosedLoop(8))
                .withRequest(q -> q.withOp(Op.ECHO, 64, 0))
                .withBounds(b -> b.forRequests(600, Duration.ofSeconds(20))));
        assertEquals(LoadResult.EXIT_OK, r.exitCode(), r.errors() + " " + r.mismatchSamples());
        assertEquals(600, r.requests().ok());
        assertTrue(r.connections().closedByServer() >= 600 / 25 - 2, r.connections().toString());
        long closes = r.connections().closedByServer();
        assertTrue(r.connections().reopened() <= closes && r.connections().reopened() >= closes - 2,
                "every announced close but those at the very end is reopened: " + r.connections());
        assertTrue(r.requests().resent() > 0, "pipelined requests after the closing answer go out again: " + r.requests());
        assertEquals(0, r.errors().get(ErrorKind.CLOSED));
        assertTrue(server.connectionsAccepted() > 20);
    }

    @Test
    void openLoopAlsoResendsAfterAnAnnouncedClose() {
        server.closeAfter(10);
        LoadResult r = LoadGenerator.run(plan().withLimits(l -> l.withConnections(2, 1))
                .with(new OpenLoop(2_000, Arrivals.CONSTANT))
                .withBounds(b -> b.forRequests(300, Duration.ofSeconds(20))));
        assertEquals(LoadResult.EXIT_OK, r.exitCode(), r.errors() + " " + r.mismatchSamples());
        assertEquals(300, r.requests().ok());
        assertTrue(r.connections().closedByServer() > 20, r.connections().toString());
    }

    @Test
    void countsAnswersOutside2xxByStatus(@TempDir Path out) throws IOException {
        LoadResult r = LoadGenerator.run(plan().withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("GET", "/missing", List.of(), 0)))
                .withLimits(l -> l.withConnections(2, 1)).with(new ClosedLoop(4))
                .withBounds(b -> b.forRequests(200, Duration.ofSeconds(20)))
                .withOutDir(out));
        assertEquals(LoadResult.EXIT_ERRORS, r.exitCode());
        assertEquals(200, r.errors().get(ErrorKind.HTTP_STATUS));
        assertEquals(Map.of(404, 200L), r.errors().httpStatusCounts());
        assertEquals(200, r.requests().failed());
        assertTrue(r.mismatchSamples().get(0).contains("HTTP status 404"), r.mismatchSamples().toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve(ResultFiles.RESULT_JSON).toFile());
        assertEquals(200, json.at("/errors/http_status").asLong());
        assertEquals(200, json.at("/http_status_counts/404").asLong());
        assertEquals("GET /missing", json.at("/config/http/request_line").asText());
        assertTrue(ResultTable.format(r).contains("non-2xx   404 200"), ResultTable.format(r));
    }

    @Test
    void aCustomRequestIsCheckedForStatusAndBodyLength() {
        LoadResult r = LoadGenerator.run(plan()
                .withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("GET", "/plaintext", List.of("Accept: text/plain"), 0)))
                .withLimits(l -> l.withConnections(1, 1)).with(new ClosedLoop(4))
                .withBounds(b -> b.forRequests(200, Duration.ofSeconds(20))));
        assertEquals(LoadResult.EXIT_OK, r.exitCode(), r.errors() + " " + r.mismatchSamples());
        assertEquals(200, r.requests().ok());
        assertEquals("GET /plaintext", r.plan().requestLabel());
    }

    @Test
    void aCustomPostToEchoIsCheckedByteForByte() {
        server.corruptEvery(10);
        LoadResult r = LoadGenerator.run(plan().withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("POST", "/echo", List.of(), 500)))
                .withLimits(l -> l.withConnections(1, 1)).with(new ClosedLoop(4))
                .withBounds(b -> b.forRequests(200, Duration.ofSeconds(20))));
        assertEquals(20, r.errors().get(ErrorKind.MISMATCH), r.mismatchSamples().toString());
        assertEquals(180, r.requests().ok());
        assertTrue(r.mismatchSamples().get(0).contains("differs from what was sent"), r.mismatchSamples().toString());
    }
}
