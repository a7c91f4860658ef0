package netarena.cli.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import netarena.protocol.RequestWork;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real HTTP clients drive every model serving {@code --protocol http} on an ephemeral loopback port: curl
 * (bodies and sizes, connection reuse), {@code ab -k} (HTTP/1.0 keep-alive, Document Length, a POST),
 * {@code h2load --h1} (pipelining, status and data byte counts) and wrk (a timed run). Each run is short
 * and bounded; every one must end with zero errors and only 2xx answers. A missing tool skips its test
 * with the package to install.
 */
@Tag("interop")
@Timeout(120)
class PeersDriveEveryModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int ECHO_BYTES = 3_000;
    private static final String PLAINTEXT = "Hello, World!";

    @TempDir
    static Path dir;
    private static Path body;

    @BeforeAll
    static void writeBody() throws IOException {
        byte[] bytes = new byte[ECHO_BYTES];
        new SplittableRandom(7).nextBytes(bytes);
        body = Files.write(dir.resolve("body.bin"), bytes);
    }

    private static Server start(ServerModel model) {
        return model.create(ServerConfig.builder().protocol(WireProtocol.HTTP).build());
    }

    private static String url(InetSocketAddress address, String target) {
        return "http://127.0.0.1:" + address.getPort() + target;
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void curlGetsEveryRouteOnOneConnection(ServerModel model) throws IOException {
        Path curl = Peers.require("curl", "curl");
        Path echoed = dir.resolve("echoed-" + model.label());
        try (Server server = start(model)) {
            InetSocketAddress a = server.start();
            String format = "\\n@@ %{http_code} %{size_download} %{num_connects}\\n";
            Peers.Run run = Peers.run(LIMIT, curl.toString(), "-sS", "--max-time", "10", "-w", format,
                    url(a, "/plaintext"), url(a, "/cpu?units=5&seed=7"), url(a, "/delay?us=1000"), url(a, "/block?us=100"),
                    "--next", "-sS", "--max-time", "10", "-w", format, "-H", "Expect:",
                    "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + body, "-o", echoed.toString(),
                    url(a, "/echo"));
            assertEquals(0, run.exitCode(), run.describe());
            String cpu = Long.toUnsignedString(RequestWork.cpu(7, 5));
            assertEquals(PLAINTEXT + "\n@@ 200 13 1\n" + cpu + "\n@@ 200 " + cpu.length() + " 0\n\n@@ 200 0 0\n"
                    + "\n@@ 200 0 0\n\n@@ 200 " + ECHO_BYTES + " 0\n", run.output(),
                    "bodies, sizes, and one connection for all five (num_connects 0 after the first)");
            assertArrayEquals(Files.readAllBytes(body), Files.readAllBytes(echoed), "the echo is the body sent");
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void abKeepAliveGetsAndPostsWithoutFailures(ServerModel model) throws IOException {
        Path ab = Peers.require("ab", "apache2-utils");
        try (Server server = start(model)) {
            InetSocketAddress a = server.start();
            Peers.Run get = Peers.run(LIMIT, ab.toString(), "-k", "-q", "-c", "4", "-n", "2000", "-s", "10",
                    url(a, "/plaintext"));
            assertAbClean(get, 2_000, PLAINTEXT.length());
            Peers.Run post = Peers.run(LIMIT, ab.toString(), "-k", "-q", "-c", "2", "-n", "300", "-s", "10",
                    "-p", body.toString(), "-T", "application/octet-stream", url(a, "/echo"));
            assertAbClean(post, 300, ECHO_BYTES);
        }
    }

    private static void assertAbClean(Peers.Run run, long requests, long documentLength) {
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(requests, run.number("^Complete requests:\\s+(\\d+)"), run.describe());
        assertEquals(0, run.number("^Failed requests:\\s+(\\d+)"), run.describe());
        assertEquals(requests, run.number("^Keep-Alive requests:\\s+(\\d+)"), "every answer kept the connection");
        assertEquals(documentLength, run.number("^Document Length:\\s+(\\d+) bytes"), run.describe());
        assertFalse(run.output().contains("Non-2xx responses"), run.describe());
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void h2loadPipelinesHttp1WithoutFailures(ServerModel model) throws IOException {
        Path h2load = Peers.require("h2load", "nghttp2-client");
        try (Server server = start(model)) {
            InetSocketAddress a = server.start();
            // --h1 -m 4: four requests pipelined on each HTTP/1.1 connection
            Peers.Run get = Peers.run(LIMIT, h2load.toString(), "--h1", "-n", "2000", "-c", "4", "-m", "4", "-T", "10",
                    url(a, "/plaintext"));
            assertH2loadClean(get, 2_000, 2_000L * PLAINTEXT.length());
            Peers.Run post = Peers.run(LIMIT, h2load.toString(), "--h1", "-n", "300", "-c", "2", "-m", "2", "-T", "10",
                    "-d", body.toString(), url(a, "/echo"));
            assertH2loadClean(post, 300, 300L * ECHO_BYTES);
        }
    }

    private static void assertH2loadClean(Peers.Run run, long requests, long dataBytes) {
        assertEquals(0, run.exitCode(), run.describe());
        String counts = requests + " total, " + requests + " started, " + requests + " done, " + requests
                + " succeeded, 0 failed, 0 errored, 0 timeout";
        assertEquals(counts, run.find("^requests: (.*)$"), run.describe());
        assertEquals(requests + " 2xx, 0 3xx, 0 4xx, 0 5xx", run.find("^status codes: (.*)$"), run.describe());
        assertEquals(dataBytes, run.number("^traffic: .*\\((\\d+)\\) data"), "body bytes: " + run.describe());
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void wrkRunsASecondWithOnly2xxAndNoSocketErrors(ServerModel model) throws IOException {
        Path wrk = Peers.require("wrk", "wrk");
        try (Server server = start(model)) {
            InetSocketAddress a = server.start();
            for (String target : List.of("/plaintext", "/cpu?units=1000&seed=1")) {
                Peers.Run run = Peers.run(LIMIT, wrk.toString(), "-t1", "-c4", "-d1s", "--timeout", "5s", url(a, target));
                assertEquals(0, run.exitCode(), run.describe());
                assertTrue(run.number("^\\s*(\\d+) requests in ") > 0, run.describe());
                assertFalse(run.output().contains("Non-2xx or 3xx responses"), run.describe());
                assertFalse(run.output().contains("Socket errors"), run.describe());
            }
        }
    }
}
