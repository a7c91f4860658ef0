package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json} prints what a script can parse, in the schema of the files it stands for. */
@Timeout(60)
class JsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Outcome(int code, String out) {
    }

    private static Outcome run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(NetarenaCommand.commandLine().execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void loadPrintsResultJsonWithItsSloSection(@TempDir Path dir) throws Exception {
        try (Server server = ServerModel.fromLabel("selector").create(ServerConfig.builder().port(0).build())) {
            InetSocketAddress address = server.start();
            Outcome o = run("load", "--target", "127.0.0.1:" + address.getPort(), "--requests", "50", "--warmup",
                    "0", "--max-lag", "1s", "--max-lag-share", "1", "--json", "--slo", "errors==0", "--quiet", "--out",
                    dir.toString());
            assertEquals(ExitCodes.OK, o.code(), o.out());
            JsonNode printed = JSON.readTree(o.out());
            assertEquals("ok", printed.path("status").asText(), o.out());
            assertEquals(50, printed.at("/requests/sent").asLong());
            assertTrue(printed.at("/slo/passed").asBoolean(), o.out());
            assertEquals("errors==0", printed.at("/slo/checks/0/threshold").asText());
            JsonNode written = JSON.readTree(dir.resolve("result.json").toFile());
            assertEquals(names(written), names(printed), "the schema of result.json");
            assertEquals(written.at("/requests/ok").asLong(), printed.at("/requests/ok").asLong());
        }
    }

    @Test
    void modelsPrintsEveryModelWithWhetherItRunsHere() throws Exception {
        Outcome o = run("models", "--json");
        assertEquals(ExitCodes.OK, o.code());
        JsonNode models = JSON.readTree(o.out());
        assertEquals(ServerModel.values().length, models.size(), o.out());
        for (int i = 0; i < models.size(); i++) {
            ServerModel m = ServerModel.values()[i];
            assertEquals(m.label(), models.get(i).path("model").asText());
            assertEquals(m.unavailabilityReason() == null, models.get(i).path("available").asBoolean());
            assertTrue(models.get(i).path("description").asText().length() > 10, o.out());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
