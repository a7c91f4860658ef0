package netarena.results.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import netarena.load.ResultFiles;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Manifest;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.CpuSplit;
import netarena.results.run.ServerCost;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run folder made up for the report tests, with latency histograms recorded by HdrHistogram itself:
 *
 * <pre>
 * workload 1, echo 64B closed: thread-per-client, selector, netty-nio x connections 16, 256 x 3 reps, io=2 w=0;
 *   selector also at io=1 and io=4 (256 connections) for the io-threads chart;
 *   thread-per-client at 256 FAILED (every rep), netty-nio at 256 INVALID (rep 2);
 *   latency.hgrm for every OK repetition.
 * workload 2, block 64B arg=500 closed: selector, netty-nio at 64 connections, io=2, workers 1, 4, 16;
 *   netty-nio's costs unknown (ServerCost.unknown()) and no latency files; selector has latency.hlog only.
 * jmh.json: the JMH 1.37 sample (2 thrpt benchmarks, 1 sample, 1 single-shot: 3 charts).
 * </pre>
 */
public final class SyntheticRun {

    /**
     * The charts the report of this run must draw: 5 per workload (block is w1, echo w2: workloads are
     * in name order), 3 for JMH.
     */
    static final List<String> CHART_IDS = List.of("w1-tput", "w1-lat", "w1-rate-time", "w1-p99-time", "w1-cpu",
            "w1-pool-workers", "w1-mem", "w2-tput", "w2-lat", "w2-cpu", "w2-pool-io_threads", "w2-mem", "jmh1", "jmh2",
            "jmh3");

    static final String FAILED_REASON = "server did not start: 256 threads exceed ulimit -u";
    static final String INVALID_REASON = "generator fell 14% behind schedule";

    private SyntheticRun() {
    }

    static RunFolder create(Path root) throws IOException {
        RunFolder run = RunFolder.create(root, Instant.parse("2026-11-25T15:10:00Z"));
        run.writeManifest(manifest(run.runId()));
        Random random = new Random(42);
        int order = 0;
        for (String model : List.of("thread-per-client", "selector", "netty-nio")) {
            double speed = switch (model) {
                case "thread-per-client" -> 0.8;
                case "selector" -> 1.0;
                default -> 1.25;
            };
            for (int connections : List.of(16, 256)) {
                for (int rep = 1; rep <= 3; rep++) {
                    CellKey key = echo(model, 2, connections);
                    CellStatus status = CellStatus.OK;
                    String reason = "";
                    if (model.equals("thread-per-client") && connections == 256) {
                        status = CellStatus.FAILED;
                        reason = FAILED_REASON;
                    } else if (model.equals("netty-nio") && connections == 256 && rep == 2) {
                        status = CellStatus.INVALID;
                        reason = INVALID_REASON;
                    }
                    double tput = speed * (connections == 16 ? 60_000 : 95_000) * (1 + 0.03 * (rep - 2));
                    order++;
                    run.appendRepetition(measure(run, key, rep, order, status, reason, tput,
                            20 + 40 / speed + connections / 8.0, true, false, random, 9 / speed));
                }
            }
        }
        for (int io : List.of(1, 4)) {
            for (int rep = 1; rep <= 3; rep++) {
                run.appendRepetition(measure(run, echo("selector", io, 256), rep, ++order, CellStatus.OK, "",
                        (io == 1 ? 61_000 : 90_000) * (1 + 0.02 * rep), 70, false, false, random, 9));
            }
        }
        for (String model : List.of("selector", "netty-nio")) {
            for (int workers : List.of(1, 4, 16)) {
                for (int rep = 1; rep <= 3; rep++) {
                    CellKey key = new CellKey(model, 2, workers, 64, "block", 64, 500, 0, "frame");
                    boolean selector = model.equals("selector");
                    run.appendRepetition(measure(run, key, rep, ++order, CellStatus.OK, "",
                            workers * 1_900.0 * (selector ? 1 : 1.1) * (1 + 0.01 * rep), 520 + 32.0 / workers,
                            false, selector, random, selector ? 14 : Double.NaN));
                }
            }
        }
        run.writeResults();
        try (InputStream jmh = SyntheticRun.class.getResourceAsStream("/netarena/results/jmh/jmh-1.37-sample.json")) {
            Files.copy(jmh, run.jmhJson());
        }
        return run;
    }

    static CellKey echo(String model, int ioThreads, int connections) {
        return new CellKey(model, ioThreads, 0, connections, "echo", 64, 0, 0, "frame");
    }

    public static Manifest manifest(String runId) {
        return new Manifest(runId, "sweep", "netarena sweep --plan plans/quick.yaml", "2026-11-25T15:10:00Z",
                "2026-11-25T15:41:07Z", "5e4b94e",
                Map.of("repetitions", 3, "duration", "10s", "warmup", "3s", "models",
                        List.of("thread-per-client", "selector", "netty-nio")),
                new Manifest.Environment("OpenJDK 64-Bit Server VM 25.0.1+8-LTS", "Linux amd64", "6.1.0-27-amd64",
                        "AMD EPYC 7B13 64-Core Processor", 2, 8L << 30),
                "server cpu 0, generator cpu 1 (taskset)", List.of("-Xmx1g", "-XX:+UseParallelGC"),
                List.of("-Xmx2g"), Map.of("jdk.virtualThreadScheduler.parallelism", "1", "netty", "4.2.18.Final",
                        "gc", "Parallel"));
    }

    /**
     * Records a made-up latency distribution around {@code p50Micros} in an HdrHistogram, writes its
     * percentile distribution (and/or interval log) into the repetition's folder, and returns the
     * repetition with the histogram's own percentiles.
     */
    private static Repetition measure(RunFolder run, CellKey key, int rep, int order, CellStatus status,
            String reason, double tput, double p50Micros, boolean hgrm, boolean hlog, Random random, double cpu)
            throws IOException {
        ServerCost cost = Double.isNaN(cpu) ? ServerCost.unknown()
                : new ServerCost(new CpuSplit(cpu * (1 + 0.02 * rep), 0, 0, 0), CpuSplit.unknown(), 0.1 + key.connections() / 2000.0,
                        60_000 + 70L * key.connections(),
                        key.model().equals("thread-per-client") ? key.connections() + 12 : 14,
                        key.model().equals("thread-per-client") ? 72 : 4.5 + rep * 0.2, Double.NaN, Double.NaN);
        if (status == CellStatus.FAILED) {
            return new Repetition(key, rep, order, status, reason, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, 0, 0, ServerCost.unknown(), RunFolder.repetitionPath(key, rep));
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        Histogram[] seconds = new Histogram[10];
        for (int s = 0; s < seconds.length; s++) {
            seconds[s] = new Histogram(3_600_000_000L, 3);
        }
        for (int i = 0; i < 20_000; i++) {
            double tail = random.nextDouble() < 0.01 ? 1 + random.nextDouble() * 20 : 1;
            long v = (long) (p50Micros * Math.exp(random.nextGaussian() * 0.25) * tail);
            h.recordValue(v);
            seconds[i % seconds.length].recordValue(v);
        }
        Path dir = run.repetitionDir(key, rep);
        if (hgrm) {
            ResultFiles.writeHgrm(h, dir.resolve(ResultFiles.LATENCY_HGRM));
        }
        if (hlog) {
            try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")), true,
                    StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputStartTime(1_700_000_000_000L);
                writer.outputLegend();
                Histogram interval = ResultFiles.newHlogHistogram();
                for (int s = 0; s < seconds.length; s++) {
                    ResultFiles.toHlogValues(seconds[s], interval);
                    interval.setStartTimeStamp(1_700_000_000_000L + s * 1_000L);
                    interval.setEndTimeStamp(1_700_000_001_000L + s * 1_000L);
                    writer.outputIntervalHistogram(interval);
                }
            }
        }
        Files.writeString(dir.resolve("result.json"), "{\"throughputPerSec\": " + tput + "}\n");
        return new Repetition(key, rep, order, status, reason, tput, h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                (long) (tput * 10), status == CellStatus.OK ? 0 : 17, cost, RunFolder.repetitionPath(key, rep));
    }
}
