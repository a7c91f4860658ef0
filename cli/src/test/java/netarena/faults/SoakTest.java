package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import netarena.experiments.launch.LaunchedServer;
import netarena.load.Arrivals;
import netarena.load.ClientProtocol;
import netarena.load.ClosedLoop;
import netarena.load.ErrorKind;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.load.OpenLoop;
import netarena.protocol.WireProtocol;
import netarena.server.ServerModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soak: a verifying open-loop load for {@code -Dsoak.minutes} (default 1) against a server in its own
 * JVM, per protocol the load generator speaks, on the cheapest and the dearest model: {@code selector} and
 * {@code thread-per-client}, which cost the least and the most CPU per answer in the side-by-side figure of
 * docs/MODELS.md (20.5 and 34.8 us), and need no native part, so they run everywhere. The rate is 70% of
 * a short closed-loop measurement of the model's capacity, but at most {@value #MAX_RATE} requests/s: the
 * open-loop generator spends 40-90 us of CPU per request (docs/LOAD.md), ten times the closed loop, and on a
 * two-core machine it shares with the server it would otherwise be the bottleneck. Both figures are reported.
 *
 * <p>It passes with no error of any kind and no wrong answer, every connection open at the end, and the
 * server's heap after a full collection, its RSS and its thread count flat across the run within the bounds
 * named below, sampled {@value #SAMPLES} times (the first sample, a tenth of the way in, is the reference).
 * Writes {@code results/soak.md}.
 */
@Tag("soak")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class SoakTest {

    static final long MAX_RATE = 5_000;
    static final int CONNECTIONS = 16;
    static final int SAMPLES = 6;
    /** Heap after a full GC may end at most this much above the first sample. */
    static final long HEAP_GROWTH_KIB = 16 * 1024;
    /** RSS may end at most this much above the first sample (JIT code, metaspace, Netty's pooled arenas settle). */
    static final long RSS_GROWTH_KIB = 48 * 1024;
    /** Threads may vary by at most this many across samples (the JVM adds and retires compiler threads). */
    static final long THREAD_SPREAD = 8;

    private final List<String> rows = Collections.synchronizedList(new ArrayList<>());

    static double minutes() {
        return Double.parseDouble(System.getProperty("soak.minutes", "1"));
    }

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (WireProtocol p : WireProtocol.values()) {
            for (ServerModel m : List.of(ServerModel.SELECTOR, ServerModel.THREAD_PER_CLIENT)) {
                cells.add(Arguments.of(p, m));
            }
        }
        return cells;
    }

    /** Null when the load generator has a client for {@code protocol}, else why not. */
    static String unsupported(WireProtocol protocol) {
        try {
            ClientProtocol.factory(LoadPlan.to("127.0.0.1", 1).withTarget(t -> t.withProtocol(protocol)));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** One sample of the server process. */
    private record Sample(double atSeconds, long heapKiB, long rssKiB, long threads) {
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cells")
    void runsForMinutesWithNothingLostAndFlatMemory(WireProtocol protocol, ServerModel model) throws Exception {
        String why = unsupported(protocol);
        if (why != null) {
            rows.add("| " + protocol.label() + " | `" + model.label() + "` | not run: " + why + " |||||");
        }
        assumeTrue(why == null, why);
        Duration soak = Duration.ofMillis((long) (minutes() * 60_000));
        try (LaunchedServer server = Machine.serve(List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"), 0,
                List.of("--model", model.label(), "--protocol", protocol.label()))) {
            LoadPlan base = LoadPlan.to("127.0.0.1", server.address().getPort()).withTarget(t -> t
                    .withProtocol(protocol))
                    .withLimits(l -> l.withConnections(CONNECTIONS, 1));
            LoadResult capacity = LoadGenerator.run(base.with(new ClosedLoop(4)).withBounds(b -> b
                    .withWarmup(Duration.ofSeconds(1)))
                    .withBounds(b -> b.forDuration(Duration.ofSeconds(3))));
            assertEquals(0, capacity.errorTotal(), "errors while measuring capacity: " + capacity.errors());
            long rate = Math.max(100, Math.min(MAX_RATE, (long) (0.7 * capacity.okPerSecond())));

            List<Sample> samples = new CopyOnWriteArrayList<>();
            AtomicLong errorsSeen = new AtomicLong();
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long every = soak.toMillis() / SAMPLES;
            sampler.scheduleAtFixedRate(() -> {
                try {
                    samples.add(new Sample((System.nanoTime() - start) / 1e9, Machine.heapAfterFullGcKiB(server.pid()),
                            Machine.procStatus(server.pid(), "VmRSS"), Machine.procStatus(server.pid(), "Threads")));
                } catch (Exception e) {
                    // a missed sample shows as fewer samples; the assertions below need enough of them
                }
            }, every / 2, every, TimeUnit.MILLISECONDS);
            LoadResult r;
            try {
                r = new LoadGenerator(base.with(new OpenLoop(rate, Arrivals.CONSTANT))
                        .withBounds(b -> b.forDuration(soak))
                        .withBounds(b -> b.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))).withLimits(l -> l
                        .withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)),
                        p -> errorsSeen.set(Math.max(errorsSeen.get(), p.errorsSoFar()))).run();
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(30, TimeUnit.SECONDS);
            }
            assertTrue(samples.size() >= 3, "only " + samples.size() + " samples of the server");
            Sample first = samples.get(0);
            Sample last = samples.get(samples.size() - 1);
            long threadSpread = samples.stream().mapToLong(Sample::threads).max().orElse(0)
                    - samples.stream().mapToLong(Sample::threads).min().orElse(0);
            String row = String.format("| %s | `%s` | %.0f/s closed loop; soak at %d/s for %.1f min | %d sent, %d OK, %d errors%s, "
                    + "%d mismatched, %d/%d connections open at the end | p99 %.1f ms%s | %s | %s | %s |", protocol.label(),
                    model.label(), capacity.okPerSecond(), rate, minutes(), r.requests().sent(), r.requests().ok(),
                    r.errorTotal(), r.errorTotal() == 0 ? "" : " (" + r.errors() + ")",
                    r.errors().get(ErrorKind.MISMATCH),
                    r.connections().openAtEnd(), CONNECTIONS, r.latency().getValueAtPercentile(99) / 1000.0,
                    r.valid() ? "" : " (generator-bound: " + String.join("; ", r.invalidReasons()) + ")",
                    series(samples, s -> s.heapKiB() >> 10), series(samples, s -> s.rssKiB() >> 10),
                    series(samples, Sample::threads));
            rows.add(row);
            assertEquals(0, r.errorTotal(), "errors in the soak: " + r.errors() + " " + r.mismatchSamples());
            assertEquals(0, errorsSeen.get(), "errors seen in the progress reports");
            assertEquals(0, r.errors().get(ErrorKind.MISMATCH));
            assertEquals(CONNECTIONS, r.connections().openAtEnd());
            assertTrue(r.requests().ok() > 0.9 * rate * soak.toSeconds(), "answers: " + r.requests());
            assertTrue(last.heapKiB() <= first.heapKiB() + HEAP_GROWTH_KIB, "heap after GC grew: " + samples);
            assertTrue(last.rssKiB() <= first.rssKiB() + RSS_GROWTH_KIB, "RSS grew: " + samples);
            assertTrue(threadSpread <= THREAD_SPREAD, "thread count varied by " + threadSpread + ": " + samples);
        }
    }

    private static String series(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        return String.join(" → ", samples.stream().map(s -> Long.toString(f.applyAsLong(s))).toList());
    }

    @AfterAll
    void writeSoakFigures() throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("# Soak\n\n");
        b.append("Generated by `SoakTest` (`mvn verify -Psoak -Dsoak.minutes=").append(minutes()).append("`) on ")
                .append(Machine.describe()).append(".\n\n");
        b.append("Each server runs in its own JVM (`-Xms256m -Xmx256m -XX:+AlwaysPreTouch`, so RSS starts with the whole ")
                .append("heap); the load generator runs open loop in the test's JVM, 16 connections, every answer checked. ")
                .append("The rate is 70% of a 3 s closed-loop capacity run, capped at ").append(MAX_RATE)
                .append("/s (the open-loop generator costs 40-90 us of CPU per request on this two-core machine). ")
                .append(SAMPLES).append(" samples of the server: heap in use after a full GC (`jcmd GC.run`, then ")
                .append("`GC.heap_info`), RSS and threads (`/proc`). Bounds: heap after GC at the end within ")
                .append(HEAP_GROWTH_KIB >> 10).append(" MiB of the first sample, RSS within ").append(RSS_GROWTH_KIB >> 10)
                .append(" MiB, threads within ").append(THREAD_SPREAD).append(".\n\n");
        b.append("| protocol | model | rate | answers | latency | heap after GC, MiB | RSS, MiB | threads |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        java.nio.file.Path file = Machine.repositoryRoot().resolve("results/soak.md");
        java.nio.file.Files.writeString(file, b.toString());
        System.out.println("soak figures: " + file);
    }
}
