package netarena.experiments.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes path against fabric8's mock API server in CRUD mode (expectations only for pod logs). */
@Timeout(60)
class ClusterRunnerTest {

    private static final String NS = "loadtest";
    private static final int AGENTS = 3;

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static ClusterSpec spec() {
        return new ClusterSpec("netarena-load-test", NS, "registry.example/netarena-agent:1", AGENTS,
                List.of("--target", "echo:7000", "--connections", "6", "--rate", "3000"), 1_800_000_000_000L,
                Duration.ofSeconds(30));
    }

    @Test
    void theJobIsIndexedWithOneCompletionPerAgentAndEveryAgentsArguments() {
        Job job = ManifestCheck.strictJob(ManifestCheck.yaml(AgentJob.manifest(spec())));
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals(AGENTS, job.getSpec().getCompletions());
        assertEquals(AGENTS, job.getSpec().getParallelism());
        assertEquals(0, job.getSpec().getBackoffLimit());
        assertEquals(30L, job.getSpec().getActiveDeadlineSeconds());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        List<String> args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        assertEquals(List.of("load", "--target", "echo:7000", "--connections", "6", "--rate", "3000", "--agent-count",
                "3", "--start-at", "1800000000000", "--out", ClusterSpec.AGENT_OUT, "--print-files"), args);
    }

    @Test
    void aManifestWithAFieldTheSchemaDoesNotKnowIsRefused() {
        String yaml = ManifestCheck.yaml(AgentJob.manifest(spec())).replace("completionMode:", "completionMod:");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestCheck.strictJob(yaml));
        assertTrue(e.getMessage().contains(".spec.completionMod"), e.getMessage());
    }

    @Test
    void createsWaitsOnStatusCollectsLogsAndDeletesTheJob(@TempDir Path tmp) throws Exception {
        ClusterSpec spec = spec();
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClusterRunner runner = new ClusterRunner(client, Duration.ofMillis(50), progress::add);
        CompletableFuture<List<Path>> run = CompletableFuture.supplyAsync(() -> runner.run(spec, tmp.resolve("out")));

        Job created = null;
        for (int i = 0; i < 200 && created == null; i++) {
            created = client.batch().v1().jobs().inNamespace(NS).withName(spec.name()).get();
            Thread.sleep(20);
        }
        assertEquals("Indexed", created.getSpec().getCompletionMode());
        assertEquals(AGENTS, created.getSpec().getParallelism());

        for (int i = 0; i < AGENTS; i++) {
            String pod = spec.name() + "-" + i + "-x";
            client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(pod)
                    .addToLabels(ClusterSpec.RUN_LABEL, spec.name())
                    .addToAnnotations(ClusterRunner.INDEX_ANNOTATION, Integer.toString(i)).endMetadata().build()).create();
            server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + pod + "/log?pretty=false")
                    .andReturn(200, agentLog(tmp, i)).always();
        }
        client.batch().v1().jobs().inNamespace(NS).withName(spec.name()).edit(j -> {
            j.setStatus(new JobStatusBuilder().withActive(AGENTS).build());
            return j;
        });
        Thread.sleep(200);
        assertTrue(!run.isDone(), "the runner waits while agents are active");
        client.batch().v1().jobs().inNamespace(NS).withName(spec.name()).edit(j -> {
            j.setStatus(new JobStatusBuilder().withSucceeded(AGENTS).withConditions(new JobConditionBuilder()
                    .withType("Complete").withStatus("True").build()).build());
            return j;
        });

        List<Path> dirs = run.get(30, TimeUnit.SECONDS);
        assertEquals(AGENTS, dirs.size());
        for (int i = 0; i < AGENTS; i++) {
            assertEquals("agent " + i + " result", Files.readString(dirs.get(i).resolve("result.json")));
        }
        assertNull(client.batch().v1().jobs().inNamespace(NS).withName(spec.name()).get(), "the job is deleted");
        assertTrue(progress.contains("agents: " + AGENTS + " active, 0 succeeded, 0 failed of " + AGENTS), progress::toString);
        assertTrue(progress.contains("agents: 0 active, " + AGENTS + " succeeded, 0 failed of " + AGENTS), progress::toString);
    }

    /** What agent i prints: progress, its table, then its files between the markers. */
    private static String agentLog(Path tmp, int i) throws Exception {
        Path dir = tmp.resolve("agent-src-" + i);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("result.json"), "agent " + i + " result");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.println("1.0 s  ok/s 1000");
        AgentLogBundle.print(dir, new ArrayList<>(List.of("result.json", "absent.hlog")), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
