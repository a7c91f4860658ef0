package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capacity --target} and {@code sweep --target} measure a server the test started (in this JVM, on an
 * ephemeral loopback port): nothing is launched, the target is verified first, and what needs the server's
 * process is unknown, never a made-up figure. Unpinned ({@code --no-pin}): pinning would pin the test's JVM.
 */
@Timeout(180)
class TargetCommandsTest {

    /**
     * A short SLO search: three open-loop steps of 0.5 s from 200/s, passing at the 800/s ceiling. The generator
     * shares a busy machine with the server and the build: its lag is judged against the SLO's tenth alone.
     */
    private static final List<String> SHORT_SEARCH = List.of("--slo", "p99<=1s", "--start-rate", "200",
            "--max-rate", "800", "--step", "500ms", "--step-warmup", "200ms", "--server-warmup", "0s", "--repeats",
            "0", "--rechecks", "0", "--rate-connections", "4", "--max-lag", "200ms", "--max-lag-share", "1",
            "--no-pin");

    @TempDir
    Path runs;

    private static CommandOutcome run(List<String> args) {
        return CommandOutcome.run(args.toArray(String[]::new));
    }

    private static List<String> args(String... first) {
        return new ArrayList<>(List.of(first));
    }

    private static Server frameServer(WireProtocol protocol) {
        return ServerModel.SELECTOR.create(ServerConfig.builder().protocol(protocol).threads(1, 0).build());
    }

    private static String hostPort(InetSocketAddress address) {
        return "127.0.0.1:" + address.getPort();
    }

    /** The one run folder under {@code root}. */
    private static Path runFolder(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        }
    }

    @Test
    void capacityFindsTheRateATargetSustainsUnderItsSlo() throws IOException {
        try (Server server = frameServer(WireProtocol.FRAME)) {
            String target = hostPort(server.start());
            List<String> a = args("capacity", "--target", target, "--out", runs.toString());
            a.addAll(SHORT_SEARCH);
            CommandOutcome o = run(a);
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().contains("target:" + target), o.out());
            JsonNode answer = new ObjectMapper().readTree(runFolder(runs).resolve("capacity.json").toFile());
            assertTrue(answer.get("subject").asText().startsWith("target:" + target + ", echo 64 B"),
                    answer.toString());
            assertTrue(answer.get("slo").get("highest_passing_rate_per_second").asDouble() >= 200, answer.toString());
            assertTrue(server.stats().received() > 0, "the target itself was loaded");
        }
    }

    @Test
    void capacityLoadsAnyHttpServerAtAPath() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        http.createContext("/plaintext", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, hello.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(hello);
            }
        });
        http.start();
        try {
            String target = hostPort(http.getAddress());
            List<String> a = args("capacity", "--target", target, "--protocol", "http", "--path", "/plaintext",
                    "--out", runs.toString());
            a.addAll(SHORT_SEARCH);
            CommandOutcome o = run(a);
            assertEquals(0, o.code(), o.err());
            JsonNode answer = new ObjectMapper().readTree(runFolder(runs).resolve("capacity.json").toFile());
            assertEquals("target:" + target + ", GET /plaintext, http", answer.get("subject").asText());
            assertTrue(answer.get("slo").get("highest_passing_rate_per_second").asDouble() >= 200, answer.toString());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void sweepNamesTheTargetInItsCellsAndReadsNoServerFigure() throws IOException {
        Path plan = runs.resolveSibling(runs.getFileName() + "-plan.yaml");
        Files.writeString(plan, String.join("\n",
                "name: target-test",
                "models: [all]",
                "protocol: frame",
                "ioThreads: [1, 2]",
                "connections: [2]",
                "workloads:",
                "  - {op: echo, sizeBytes: 64, arg: 0, workers: [0, 4]}",
                "warmupSeconds: 0.2",
                "durationSeconds: 0.5",
                "repeat: 1",
                "seed: 1", ""));
        try (Server server = frameServer(WireProtocol.FRAME)) {
            String target = hostPort(server.start());
            CommandOutcome o = run(args("sweep", "--target", target, "--plan", plan.toString(), "--no-pin", "--out",
                    runs.toString()));
            assertEquals(0, o.code(), o.err());
            Path folder = runFolder(runs);
            List<Map<String, String>> cells = csv(folder.resolve("results.csv"));
            assertEquals(1, cells.size(), "the target's io-threads and workers are its own: one cell, " + cells);
            assertEquals("target:" + target, cells.get(0).get("model"));
            Map<String, String> rep = csv(folder.resolve("repetitions.csv")).get(0);
            // INVALID and GENERATOR_BOUND are the generator's (a busy machine; a target in the generator's own JVM
            // counts toward its cores): the target still passed the gate and answered every request right
            assertTrue(List.of("OK", "GENERATOR_BOUND", "INVALID").contains(rep.get("status")), rep.toString());
            assertEquals("0", rep.get("errors"), rep.toString());
            for (String unknown : List.of("cpu_micros_per_request", "context_switches_per_request",
                    "rss_per_connection_kb", "heap_per_connection_kb")) {
                assertEquals("", rep.get(unknown), unknown + " of a target must be unknown");
            }
            assertEquals("-1", rep.get("peak_rss_kb"), "unknown, as the column marks it");
            assertFalse(rep.get("generator_cpu_micros_per_request").isEmpty(), "the generator is ours and is read");
            assertTrue(Files.readString(folder.resolve("summary.md")).contains("is an external target"));
            assertTrue(Files.readString(folder.resolve("manifest.json")).contains("target:" + target));
        }
    }

    @Test
    void refusesTheOptionsOfALaunchedServerWithATarget() {
        for (List<String> a : List.of(
                args("capacity", "--target", "127.0.0.1:7000", "--slo", "p99<=5ms", "--model", "selector"),
                args("capacity", "--target", "127.0.0.1:7000", "--slo", "p99<=5ms", "--io-threads", "2"),
                args("capacity", "--target", "127.0.0.1:7000", "--slo", "p99<=5ms", "--workers", "2"),
                args("capacity", "--target", "127.0.0.1:7000", "--slo", "p99<=5ms", "--server-jvm-flags", "-Xmx1g"),
                args("capacity", "--target", "127.0.0.1:7000", "--slo", "p99<=5ms", "--pool-for-rate", "100"),
                args("sweep", "--target", "127.0.0.1:7000", "--server-jvm-flags", "-Xmx1g"))) {
            CommandOutcome o = run(a);
            assertEquals(64, o.code(), a + ": " + o.err());
            assertTrue(o.err().contains("with --target the server is yours"), o.err());
        }
        CommandOutcome neither = run(args("capacity", "--slo", "p99<=5ms"));
        assertEquals(64, neither.code(), neither.err());
        assertTrue(neither.err().contains("--model M") && neither.err().contains("--target HOST:PORT"), neither.err());
    }

    @Test
    void aTargetThatRefusesConnectionsIsOneLineAndExit3WithNothingWritten() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        for (String command : List.of("capacity", "sweep")) {
            List<String> a = args(command, "--target", "127.0.0.1:" + port, "--no-pin", "--out", runs.toString());
            if (command.equals("capacity")) {
                a.addAll(List.of("--slo", "p99<=5ms"));
            }
            CommandOutcome o = run(a);
            assertEquals(3, o.code(), o.err());
            o.isOneLine("netarena " + command + ": could not connect to the target 127.0.0.1:" + port);
            try (Stream<Path> written = Files.list(runs)) {
                assertEquals(0, written.count(), "nothing written for a target never reached");
            }
        }
    }

    @Test
    void aTargetThatDoesNotSpeakTheProtocolFailsTheVerifyGateWithExit2() throws IOException {
        try (Server httpOnly = frameServer(WireProtocol.HTTP)) {
            String target = hostPort(httpOnly.start());
            CommandOutcome o = run(args("capacity", "--target", target, "--slo", "p99<=5ms", "--no-pin", "--out",
                    runs.toString()));
            assertEquals(2, o.code(), o.err());
            o.isOneLine("the target " + target + " failed the verify gate");
            try (Stream<Path> written = Files.list(runs)) {
                assertEquals(0, written.count());
            }
        }
    }
}
