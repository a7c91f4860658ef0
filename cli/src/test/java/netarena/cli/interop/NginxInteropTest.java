package netarena.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import netarena.cli.NetarenaCommand;
import netarena.load.Arrivals;
import netarena.load.ClosedLoop;
import netarena.load.ErrorKind;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.OpenLoop;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Our load generator drives a real HTTP/1.1 server it did not write: an nginx the test starts on an
 * ephemeral loopback port ({@link NginxProcess}) and always stops. Every run is a second or a few
 * thousand requests and must end with zero errors; nginx's own connection closes (keepalive_requests)
 * are reopened and counted, not errors.
 */
@Tag("interop")
@Timeout(60)
class NginxInteropTest {

    @TempDir
    static Path dir;
    private static NginxProcess nginx;

    @BeforeAll
    static void startNginx() throws Exception {
        Path binary = Peers.require("nginx", "nginx-light");
        nginx = NginxProcess.start(binary, dir);
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    /** Lenient on the generator's own health: the machine is shared, and nginx runs on it too. */
    private static LoadPlan plan(String method, String path, int bodyBytes) {
        return LoadPlan.to("127.0.0.1", nginx.port()).withTarget(t -> t.withProtocol(WireProtocol.HTTP))
                .withRequest(q -> q.withHttp(HttpRequestSpec.custom(method, path, List.of(), bodyBytes)))
                .withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)).withBounds(b -> b
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    /** {@code plan} on two connections in closed loop, {@code pipeline} deep, for {@code requests} (20 s at most). */
    private static LoadResult closedLoopRequests(LoadPlan plan, int pipeline, int requests) {
        return LoadGenerator.run(plan.withLimits(l -> l.withConnections(2, 1)).with(new ClosedLoop(pipeline))
                .withBounds(b -> b.forRequests(requests, Duration.ofSeconds(20))));
    }

    private static void assertClean(LoadResult r) {
        assertEquals(LoadResult.EXIT_OK, r.exitCode(), r.status() + " " + r.errors() + " " + r.mismatchSamples() + " "
                + r.invalidReasons() + "\nnginx error log:\n" + nginx.errorLog());
        assertEquals(0, r.errorTotal());
        assertTrue(r.requests().ok() > 0);
        assertEquals(r.requests().sent(), r.requests().ok(), r.requests().toString());
    }

    @Test
    void closedLoopWithPipeliningHasNoErrors() {
        LoadResult r = LoadGenerator.run(plan("GET", "/plaintext", 0).withLimits(l -> l.withConnections(4, 1))
                .with(new ClosedLoop(8))
                .withBounds(b -> b.forDuration(Duration.ofSeconds(1))));
        assertClean(r);
    }

    @Test
    void openLoopHasNoErrors() {
        LoadResult r = LoadGenerator.run(plan("GET", "/plaintext", 0).withLimits(l -> l.withConnections(4, 1))
                .with(new OpenLoop(2_000, Arrivals.CONSTANT)).withBounds(b -> b.forDuration(Duration.ofSeconds(1))));
        assertClean(r);
        assertEquals(r.requests().sent(), r.sendLag().getTotalCount(), "every request timed from its intended send");
    }

    @Test
    void nginxsAnnouncedClosesAreReopenedAndCountedNotErrors() {
        LoadResult r = closedLoopRequests(plan("GET", "/short", 0), 8, 2_000);
        assertClean(r);
        assertTrue(r.connections().closedByServer() >= 2_000 / 50 - 2, r.connections().toString());
        assertTrue(r.requests().resent() > 0, "pipelined requests nginx never read go out again: " + r.requests());
    }

    @Test
    void postsWithABodyAreReadAndAnswered() {
        LoadResult r = closedLoopRequests(plan("POST", "/plaintext", 2_000), 4, 500);
        assertClean(r);
    }

    @Test
    void answersOutside2xxAreCountedByStatus() {
        LoadResult r = closedLoopRequests(plan("GET", "/nothing-here", 0), 4, 300);
        assertEquals(LoadResult.EXIT_ERRORS, r.exitCode());
        assertEquals(300, r.errors().get(ErrorKind.HTTP_STATUS));
        assertEquals(Map.of(404, 300L), r.errors().httpStatusCounts());
    }

    @Test
    void theCommandLineLoadsNginxAndWritesItsResults(@TempDir Path out) throws Exception {
        CommandLine cl = new CommandLine(new NetarenaCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("load", "--target", "127.0.0.1:" + nginx.port(), "--protocol", "http", "--path",
                "/plaintext", "--header", "Accept: text/plain", "--connections", "2", "--pipeline", "4",
                "--duration", "1s", "--max-lag", "1s", "--max-lag-share", "1", "--quiet", "--out", out.toString());
        assertEquals(0, code, err.toString());
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.contains("\"status\" : \"ok\""), json);
        assertTrue(json.contains("\"request_line\" : \"GET /plaintext\""), json);
    }
}
