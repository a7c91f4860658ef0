package netarena.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import netarena.server.ServiceTimeHistogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A selector server on loopback answers five echoes on one open connection; its metrics endpoint is
 * scraped over HTTP and the text is read by a real Prometheus text-format parser: the npm package
 * parse-prometheus-text-format (a port of the Prometheus Python client's parser, prom2json's output),
 * run by node. .ci/run installs it; without node or the package that part is skipped.
 */
class MetricsEndpointTest {

    /** Where .ci/run installs the parser (npm install --prefix); NETARENA_NPM overrides it. */
    static final Path NPM = Path.of(System.getenv().getOrDefault("NETARENA_NPM",
            System.getProperty("user.home") + "/.cache/netarena/npm"));
    private static final int ECHOES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Server server;
    static MetricsEndpoint metrics;
    static Socket client;
    static String scraped;

    @BeforeAll
    static void serveAnswerAndScrape() throws Exception {
        ServerModel model = ServerModel.fromLabel("selector");
        server = model.create(ServerConfig.builder().host("127.0.0.1").port(0).build());
        InetSocketAddress address = server.start();
        metrics = MetricsEndpoint.start(address.getAddress(), 0, model.label(), server::stats);
        client = new Socket(address.getAddress(), address.getPort());
        client.setSoTimeout(10_000);
        OutputStream out = client.getOutputStream();
        DataInputStream in = new DataInputStream(client.getInputStream());
        for (int i = 1; i <= ECHOES; i++) {
            out.write(FrameFormat.encodeRequest(new Request(Op.ECHO.code(), i, 0, "hello".getBytes(
                    StandardCharsets.US_ASCII))));
            out.flush();
            in.readNBytes(in.readInt());
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        scraped = r.body();
    }

    @AfterAll
    static void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void isNotReachableOnAnotherAddressThanTheServers() throws IOException {
        assertTrue(metrics.port() > 0);
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other, metrics.port()), 2_000);
            throw new AssertionError("the endpoint answered on 127.0.0.2: bound to every address, not the server's");
        } catch (java.net.ConnectException expected) {
            // bound to 127.0.0.1 only, like the server
        }
    }

    @Test
    void exposesCountersByOpAndStatusAndTheServiceTimeHistogram() {
        assertTrue(scraped.contains("netarena_requests_total{model=\"selector\",op=\"echo\",status=\"OK\"} 5"),
                scraped);
        assertTrue(scraped.contains("# TYPE netarena_request_service_seconds histogram"), scraped);
        assertTrue(scraped.contains("netarena_connections_open{model=\"selector\"} 1"), scraped);
    }

    @Test
    void aRealPrometheusParserReadsTheScrape() throws Exception {
        Path parser = NPM.resolve("node_modules/parse-prometheus-text-format");
        Assumptions.assumeTrue(Files.isDirectory(parser), "no " + parser + " (npm install --prefix " + NPM
                + " parse-prometheus-text-format@1.1.1)");
        Path text = Files.writeString(dir.resolve("metrics.txt"), scraped);
        Path script = Files.writeString(dir.resolve("parse.js"), "const parse = require(process.argv[2]);\n"
                + "const fs = require('fs');\n"
                + "process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[3], 'utf8'))));\n");
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString(), parser.toString(), text.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException noNode) {
            Assumptions.abort("no node on PATH: " + noNode.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "the parser refused the scrape: " + out);
        JsonNode families = JSON.readTree(out);

        JsonNode requests = family(families, "netarena_requests_total");
        assertEquals("COUNTER", requests.get("type").asText());
        JsonNode echo = requests.get("metrics").get(0);
        assertEquals("echo", echo.at("/labels/op").asText());
        assertEquals("OK", echo.at("/labels/status").asText());
        assertEquals(ECHOES, Double.parseDouble(echo.get("value").asText()));

        assertEquals(1, Double.parseDouble(family(families, "netarena_connections_open").at("/metrics/0/value")
                .asText()));
        assertEquals(1, Double.parseDouble(family(families, "netarena_connections_accepted_total")
                .at("/metrics/0/value").asText()));
        assertTrue(Double.parseDouble(family(families, "netarena_received_bytes_total").at("/metrics/0/value")
                .asText()) >= ECHOES * 5);
        assertEquals(2, family(families, "netarena_timeouts_total").get("metrics").size(), "idle and header");

        JsonNode service = family(families, "netarena_request_service_seconds");
        assertEquals("HISTOGRAM", service.get("type").asText());
        JsonNode buckets = service.at("/metrics/0/buckets");
        assertEquals(ServiceTimeHistogram.UPPER_BOUNDS_MICROS.length + 1, buckets.size(), buckets.toString());
        assertEquals(ECHOES, Long.parseLong(buckets.get("+Inf").asText()), "every echo is in the +Inf bucket");
        long previous = 0;
        for (JsonNode cumulative : buckets) {
            assertTrue(Long.parseLong(cumulative.asText()) >= previous, "buckets are cumulative: " + buckets);
            previous = Long.parseLong(cumulative.asText());
        }
        // this parser keeps a labelled histogram's buckets but not its _count and _sum: read them from the text
        assertTrue(scraped.contains("netarena_request_service_seconds_count{model=\"selector\"} 5\n"), scraped);
    }

    private static JsonNode family(JsonNode families, String name) {
        for (JsonNode f : families) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no family " + name + " in " + families);
    }
}
