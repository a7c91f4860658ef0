package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netarena.experiments.launch.LaunchedServer;
import netarena.load.ErrorKind;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;

/**
 * Scenario 8: the server goes away under the load generator (open loop, 8 connections, 500 requests/s,
 * 500 ms timeout). First the server process is stopped (SIGSTOP) for 1.2 s of a 3 s run and continued: the
 * requests time out, and the run must still end on time. Then, in a second run, it is killed (SIGKILL) and a
 * new one started on the same port: connections close, requests are lost, reconnects fail until it is back
 * and then succeed. The generator must count all of it by kind, reopen every connection and never hang.
 */
final class ServerKilledAndStalled {

    static final String LEGEND = "what the load generator reported: for a 3 s run in which the server was stopped "
            + "(SIGSTOP) for 1.2 s, its timeouts, how many of them the server answered late once continued (told apart from wrong answers), and how long the run took against its bound (duration + drain + 2 s "
            + "hard stop); for a run in which it was killed (SIGKILL) and restarted on its port, errors by kind, "
            + "connections reopened and open at the end";
    private static final int CONNECTIONS = 8;
    /** Runs outside the common pool, which has one thread on 2 cores and is needed while a run goes on. */
    private static final java.util.concurrent.Executor OWN_THREAD =
            r -> Thread.ofPlatform().daemon().name("scenario-8-load").start(r);

    private ServerKilledAndStalled() {
    }

    static String run(ServerModel model, WireProtocol protocol, Scale scale) throws Exception {
        List<String> serve = List.of("--model", model.label());
        LaunchedServer first = Machine.serve(List.of("-Xmx128m"), 0, serve);
        LaunchedServer second = null;
        try {
            InetSocketAddress address = first.address();
            // 1. stalled: a fixed 3 s run in which the server stops answering for 1.2 s; it must end on time
            Duration duration = Duration.ofSeconds(3);
            LoadPlan plan = HealthyTraffic.framePlan(address, CONNECTIONS, 500, duration)
                    .withBounds(b -> b.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5)));
            long start = System.nanoTime();
            CompletableFuture<LoadResult> stalledRun = CompletableFuture.supplyAsync(() -> LoadGenerator.run(plan), OWN_THREAD);
            Thread.sleep(700);
            first.signal("STOP");
            Thread.sleep(1_200);
            first.signal("CONT");
            LoadResult stalled = stalledRun.get(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            double bound = duration.toMillis() / 1000.0 + plan.bounds().drain().toMillis() / 1000.0 + 2;
            assertTrue(seconds <= bound, "the stalled run took " + seconds + " s, bound " + bound + " s");
            assertTrue(stalled.errors().get(ErrorKind.TIMEOUT) > 0,
                    "no timeout while the server was stopped: " + stalled.errors());
            assertEquals(0, stalled.errors().get(ErrorKind.MISMATCH), "wrong answers: " + stalled.mismatchSamples());
            assertTrue(stalled.requests().late() > 0, "the answers sent after SIGCONT are late ones: " + stalled.requests());
            assertEquals(LoadResult.EXIT_ERRORS, stalled.exitCode(), "the result must say errors happened");

            // 2. killed: a run that goes on until the new server on the same port has answered for a second
            LoadGenerator killedRun = new LoadGenerator(plan
                    .withBounds(b -> b.forDuration(Duration.ofSeconds(60))), p -> { });
            CompletableFuture<LoadResult> running = CompletableFuture.supplyAsync(killedRun::run, OWN_THREAD);
            Thread.sleep(700);
            first.signal("KILL");
            first.awaitExit(10);
            second = restart(serve, address.getPort());
            Thread.sleep(1_500); // the generator retries every 500 ms at most once it has backed off
            killedRun.stop();
            LoadResult killed = running.get(30, TimeUnit.SECONDS);
            LoadResult.ErrorCounts e = killed.errors();
            assertTrue(e.get(ErrorKind.CLOSED) > 0, "the kill went unnoticed: " + e);
            assertTrue(killed.connections().reopened() >= CONNECTIONS, "connections reopened: " + killed.connections());
            assertEquals(CONNECTIONS, killed.connections().openAtEnd(), "open at the end: " + killed.connections());
            assertEquals(0, e.get(ErrorKind.MISMATCH), "wrong answers: " + killed.mismatchSamples());
            assertTrue(killed.partial(), "a stopped run says it is partial: " + killed.status() + ", " + killed.requests());
            return String.format("stopped 1.2 s: %d timeouts (%d answered late), ended in %.1f s (bound %.1f); killed and restarted: closed %d, "
                    + "lost %d, connect_failed %d, reopened %d, open at end %d/%d; 0 mismatched",
                    stalled.errors().get(ErrorKind.TIMEOUT), stalled.requests().late(), seconds, bound,
                    e.get(ErrorKind.CLOSED), e.get(ErrorKind.LOST), e.get(ErrorKind.CONNECT_FAILED),
                    killed.connections().reopened(), killed.connections().openAtEnd(), CONNECTIONS);
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /** A new server on the port the killed one had; retried a few times in case the port is not free yet. */
    private static LaunchedServer restart(List<String> serve, int port) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                List<String> args = new java.util.ArrayList<>(serve);
                args.addAll(List.of("--port", Integer.toString(port)));
                return Machine.serve(List.of("-Xmx128m"), 0, args);
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }
}
