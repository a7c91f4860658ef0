package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import netarena.experiments.launch.LaunchedServer;
import netarena.experiments.launch.ServerLauncher;
import netarena.experiments.workload.LoadPlans;
import netarena.experiments.workload.Workload;
import netarena.load.Arrivals;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.server.StatsLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s stop line as the capacity run reads it: a server JVM started as the launcher starts
 * one, answering BLOCKs of a known 1 ms on its worker pool, says on stop that each held a worker at
 * least that 1 ms, and less than the generator's answer-minus-write time, which also holds the round
 * trip, the wake-ups and the hand-off to the worker. Loopback, 200/s for 2 s.
 */
class ServeStatsLineTest {

    private static final long BLOCK_MICROS = 1_000;

    @Test
    void aStoppedServerReportsHowLongABlockHeldItsWorker(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        LoadResult load;
        try (LaunchedServer server = ServerLauncher.ofClassPath(System.getProperty("java.class.path"))
                .withJvmFlags(List.of("-Xmx128m")).start(List.of("--model", "selector", "--io-threads", "1",
                        "--workers", "4", "--bind", "127.0.0.1", "--port", "0"), log)) {
            Workload blocks = new Workload(Op.BLOCK, 0, BLOCK_MICROS, WireProtocol.FRAME, HttpRequestSpec.ROUTES,
                    Workload.CLOSED_LOOP, 4).openLoop(4, 200, Arrivals.CONSTANT);
            load = LoadGenerator.run(LoadPlans.plan(server.address(), blocks, 1)
                    .withBounds(b -> b.withWarmup(Duration.ZERO)).withBounds(b -> b.forDuration(Duration.ofSeconds(2)))
                    .withOutDir(null));
            assertEquals(0, server.stop(), "a graceful stop");
        }
        assertTrue(load.requests().ok() > 0, "no BLOCK answered: " + load.status());
        StatsLine.ServerCounters c = StatsLine.lastIn(Files.readString(log))
                .orElseThrow(() -> new AssertionError("no stats line in the server's log"));
        assertEquals(c.received(), c.answered(), "every request read was answered by the stop");
        long blocks = c.answeredByOpStatus().getOrDefault("block/OK", 0L);
        assertTrue(blocks >= load.requests().ok(), "the server answered " + blocks + " BLOCKs, the generator counted "
                + load.requests().ok());
        double server = c.meanServiceMicros("block");
        double client = load.serviceTime().getMean();
        assertTrue(server >= BLOCK_MICROS, "a 1 ms BLOCK held its worker " + server + " us");
        assertTrue(server < client, "the server's " + server + " us must be below the client's " + client
                + " us, which adds the round trip");
    }
}
