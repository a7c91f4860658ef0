package netarena.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import netarena.server.ServerDefaults;
import netarena.server.WorkerPoolKind;

/**
 * A sweep: the matrix of server configurations and loads to measure. Read from YAML (the embedded
 * default and quick plans, or {@code --plan FILE}); every list is one axis of the matrix.
 *
 * @param name         a label for the report
 * @param models       model labels, or {@code [all]} for every model available here
 * @param protocol     {@code frame} or {@code http}
 * @param ioThreads    the servers' {@code --io-threads} values
 * @param ioThreadsByModel per-model replacements of {@code ioThreads}: thread-per-client's io-threads is a
 *                     connection pool, where 1 with 16 connections leaves 15 unserved (head-of-line), so
 *                     the embedded plans give it {@code [0]}, a thread per client
 * @param workerPools  the servers' {@code --worker-pool} kinds ({@code fixed}, {@code elastic},
 *                     {@code work-stealing}, {@code virtual}), crossed with every workload's workers and with the
 *                     open-loop cells; default {@code [fixed]}, the server's own default
 * @param connections  the generator's connection counts (closed-loop cells)
 * @param workloads    the ops to run, each with its own workers axis
 * @param openLoop     the fixed-rate cells: what every model must sustain, to compare what it costs each
 * @param warmupSeconds warmup per measurement, excluded from the figures
 * @param durationSeconds measured time per measurement
 * @param repeat       measurements per cell, interleaved in random order across cells
 * @param seed         the seed of that random order, so a run can be repeated exactly
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SweepPlan(String name, List<String> models, String protocol, List<Integer> ioThreads,
        Map<String, List<Integer>> ioThreadsByModel, List<String> workerPools, List<Integer> connections,
        List<Workload> workloads,
        List<OpenLoop> openLoop, double warmupSeconds, double durationSeconds, int repeat, long seed) {

    public SweepPlan {
        require(models != null && !models.isEmpty(), "models: name at least one model, or [all]");
        require(ioThreads != null && !ioThreads.isEmpty(), "ioThreads: give at least one value");
        require(connections != null && !connections.isEmpty(), "connections: give at least one value");
        require(workloads != null && !workloads.isEmpty(), "workloads: give at least one op");
        require(durationSeconds > 0, "durationSeconds must be > 0, was " + durationSeconds);
        require(warmupSeconds >= 0, "warmupSeconds must be >= 0, was " + warmupSeconds);
        require(repeat >= 1, "repeat must be >= 1, was " + repeat);
        ioThreads.forEach(n -> require(n >= 0, "ioThreads values must be >= 0, was " + n));
        connections.forEach(n -> require(n >= 1, "connections values must be >= 1, was " + n));
        protocol = protocol == null ? "frame" : protocol;
        openLoop = openLoop == null ? List.of() : openLoop;
        ioThreadsByModel = ioThreadsByModel == null ? Map.of() : ioThreadsByModel;
        workerPools = workerPools == null || workerPools.isEmpty() ? List.of(ServerDefaults.WORKER_POOL.label())
                : List.copyOf(workerPools);
        workerPools.forEach(SweepPlan::requireKnownPool);
        name = name == null ? "unnamed" : name;
    }

    /** The io-threads values of {@code model}: its own list when the plan has one, else {@link #ioThreads}. */
    public List<Integer> ioThreadsOf(String model) {
        return ioThreadsByModel.getOrDefault(model, ioThreads);
    }

    /** The same plan measured {@code n} times per cell. */
    public SweepPlan withRepeat(int n) {
        return new SweepPlan(name, models, protocol, ioThreads, ioThreadsByModel, workerPools, connections, workloads,
                openLoop, warmupSeconds, durationSeconds, n, seed);
    }

    /**
     * This plan against one server netarena does not start, whose cells name it {@code model} (e.g.
     * {@code target:127.0.0.1:8080}): the models axis is that one server, and the server's own axes
     * (io-threads, workers, worker pool) are the target's own business, the defaults in every cell;
     * connections, workloads and the open-loop cells apply as written.
     */
    public SweepPlan forTarget(String model) {
        List<Workload> ops = workloads.stream().map(Workload::withoutWorkers).toList();
        List<OpenLoop> rates = openLoop.stream().map(o -> new OpenLoop(o.ratePerSec(), o.connections(), 0,
                o.workload().withoutWorkers())).toList();
        return new SweepPlan(name, List.of(model), protocol, List.of(0), Map.of(), List.of(), connections, ops, rates,
                warmupSeconds, durationSeconds, repeat, seed);
    }

    /**
     * One op under closed-loop load.
     *
     * @param op        {@code echo}, {@code cpu}, {@code delay} or {@code block}
     * @param sizeBytes request payload size
     * @param arg       CPU rounds, or microseconds for delay and block
     * @param workers   the servers' {@code --workers} values for this op (default {@code [0]})
     */
    public record Workload(String op, int sizeBytes, long arg, List<Integer> workers) {
        public Workload {
            require(op != null, "workloads: every entry needs an op");
            require(sizeBytes >= 0, "sizeBytes must be >= 0, was " + sizeBytes);
            require(arg >= 0, "arg must be >= 0, was " + arg);
            workers = workers == null || workers.isEmpty() ? List.of(0) : workers;
        }

        /** The same op for a server whose workers are not netarena's to set. */
        Workload withoutWorkers() {
            return new Workload(op, sizeBytes, arg, List.of(0));
        }
    }

    /**
     * One fixed-rate cell per model: the same work at the same rate, so the cost per request compares.
     *
     * @param ratePerSec  requests per second for the whole run
     * @param connections connections that carry them
     * @param ioThreads   the servers' {@code --io-threads}
     * @param workload    the op
     */
    public record OpenLoop(double ratePerSec, int connections, int ioThreads, Workload workload) {
        public OpenLoop {
            require(ratePerSec > 0, "openLoop.ratePerSec must be > 0, was " + ratePerSec);
            require(connections >= 1, "openLoop.connections must be >= 1, was " + connections);
            require(workload != null, "openLoop.workload is required");
        }
    }

    private static void requireKnownPool(String kind) {
        try {
            WorkerPoolKind.fromLabel(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan: workerPools: " + e.getMessage());
        }
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException("plan: " + rule);
        }
    }
}
