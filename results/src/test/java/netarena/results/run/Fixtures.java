package netarena.results.run;

import java.util.List;
import java.util.Map;

/** Hand-made keys, repetitions and manifests for the run-folder tests. */
final class Fixtures {

    private Fixtures() {
    }

    static CellKey key(String model, int connections) {
        return new CellKey(model, 2, 0, connections, "echo", 64, 0, 0, "frame");
    }

    static Repetition rep(CellKey key, int n, CellStatus status, String reason, double throughput, ServerCost cost) {
        return new Repetition(key, n, n, status, reason, throughput, 50 + n, 90 + n, 120 + n, 300 + n, 900 + n,
                (long) (throughput * 10), status == CellStatus.OK ? 0 : 3, cost,
                RunFolder.repetitionPath(key, n));
    }

    static ServerCost cost(double cpu) {
        return new ServerCost(new CpuSplit(cpu, 0, 0, 0), CpuSplit.unknown(), 0.25, 81_920, 12, 3.5, Double.NaN, Double.NaN);
    }

    static Manifest manifest(String runId) {
        return new Manifest(runId, "sweep", "netarena sweep --plan plans/quick.yaml", "2026-11-25T15:10:00Z",
                "2026-11-25T15:40:00Z", "5e4b94e-dirty",
                Map.of("repetitions", 3, "models", List.of("selector", "async"), "duration", "10s"),
                new Manifest.Environment("OpenJDK 64-Bit Server VM 25.0.1+8-LTS", "Linux amd64", "6.1.0-27-amd64",
                        "AMD EPYC 7B13", 2, 8L << 30),
                "server cpu 0, generator cpu 1 (taskset)", List.of("-Xmx1g", "-XX:+UseParallelGC"),
                List.of("-Xmx2g"), Map.of("jdk.virtualThreadScheduler.parallelism", "1", "netty", "4.2.18.Final"));
    }
}
