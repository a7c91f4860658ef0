package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import netarena.experiments.distributed.AgentNetwork;
import netarena.experiments.launch.LaunchedServer;
import netarena.experiments.launch.ServerLauncher;
import netarena.load.ResultFiles;
import netarena.results.merge.MergedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code load --agents N --netns}: each agent in a namespace of its own, the server in a namespace this
 * test makes; runs only as root with iproute2 (CI), and deletes every namespace it made, also on failure.
 */
@Timeout(180)
class LocalAgentsNetnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AGENTS = 2;

    @Test
    void agentsInTheirOwnNamespacesReachAServerInAnotherAndMergeExactly(@TempDir Path out) throws Exception {
        assumeTrue(AgentNetwork.unavailable().isEmpty(), () -> "skipped: " + AgentNetwork.unavailable().orElseThrow());
        List<String> before = namespaces();
        String serverNs = "netarena-test-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        try {
            ip("netns", "add", serverNs);
            ip("-n", serverNs, "link", "set", "lo", "up");
            ServerLauncher launcher = ServerLauncher.ofClassPath(System.getProperty("java.class.path")).inNetns(serverNs);
            try (LaunchedServer server = launcher.start(List.of("--model", "selector", "--bind", "0.0.0.0"),
                    out.resolve("server.log"))) {
                StringWriter err = new StringWriter();
                CommandLine cl = NetarenaCommand.commandLine();
                cl.setErr(new PrintWriter(err));
                int code = cl.execute("load", "--target", "127.0.0.1:" + server.address().getPort(),
                        "--connections", "2", "--rate", "400", "--requests", "400", "--max-lag", "5s",
                        "--agents", Integer.toString(AGENTS), "--netns", "--server-netns", serverNs,
                        "--start-lead", "15s", "--quiet", "--out", out.toString());
                assertTrue(code == 0 || code == 2, "exit " + code + ": " + err);

                JsonNode merged = JSON.readTree(out.resolve(ResultFiles.RESULT_JSON).toFile());
                long sent = 0;
                List<String> targets = new ArrayList<>();
                for (int i = 0; i < AGENTS; i++) {
                    JsonNode agent = JSON.readTree(MergedFiles.agentDir(out, i).resolve(ResultFiles.RESULT_JSON).toFile());
                    sent += agent.path("requests").path("sent").asLong();
                    assertEquals(0, agent.path("errors").path("total").asLong(), "agent " + i + " reached the server");
                    targets.add(agent.path("config").path("target").asText());
                }
                assertEquals(400, sent);
                assertEquals(sent, merged.path("requests").path("sent").asLong());
                assertTrue(targets.get(0).startsWith("10.231."), "agent 0 went through its pair: " + targets);
                assertNotEquals(targets.get(0), targets.get(1), "each agent has a pair of its own");
            }
        } finally {
            ip("netns", "del", serverNs);
        }
        assertEquals(before, namespaces(), "the run deleted the agents' namespaces");
    }

    private static List<String> namespaces() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return text.lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("netarena-")).sorted().toList();
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(10, TimeUnit.SECONDS);
    }
}
