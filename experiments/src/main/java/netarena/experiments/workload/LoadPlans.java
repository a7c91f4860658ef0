package netarena.experiments.workload;

import java.net.InetSocketAddress;
import java.time.Duration;
import netarena.load.LoadPlan;

/**
 * The only place outside tests that makes a {@link LoadPlan}: from a {@link Workload} aimed at a started
 * server (the sweep's cells, the verify gate, the capacity steps), or the generator's defaults aimed at a
 * target that {@code netarena load} then fills from its options. Pure functions.
 */
public final class LoadPlans {

    /**
     * A request unanswered this long is a timeout error, in every experiment: long past any latency we
     * report, short enough that a wedged server fails its cell instead of hanging the run.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * All connections must open within this in a measurement. Longer than the generator's own default: a
     * server JVM that has just started accepts thousands of connections while its JIT is still cold.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** A verify check opens one connection to a server that has said it listens: it opens at once or never. */
    public static final Duration CHECK_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private LoadPlans() {
    }

    /**
     * The plan for {@code workload} against {@code server}: its connections spread over
     * {@code min(generatorThreads, connections)} event loops, the experiment timeouts above, and the
     * generator's defaults for the rest (duration, no warmup, max lag, no output folder), which the caller
     * sets per run.
     */
    public static LoadPlan plan(InetSocketAddress server, Workload workload, int generatorThreads) {
        if (generatorThreads < 1) {
            throw new IllegalArgumentException("generatorThreads must be at least 1, got " + generatorThreads);
        }
        int connections = workload.shape().connections();
        LoadPlan plan = LoadPlan.to(server.getHostString(), server.getPort())
                .withProtocol(workload.protocol())
                .withConnections(connections, Math.min(generatorThreads, connections))
                .withRequest(workload.op(), workload.sizeBytes(), workload.arg())
                .withTimeouts(REQUEST_TIMEOUT, CONNECT_TIMEOUT);
        return switch (workload.shape()) {
            case LoadShape.ClosedLoop closed -> plan;
            case LoadShape.OpenLoop open -> plan.withRate(open.ratePerSecond(), open.arrivals());
        };
    }

    /**
     * A check of {@code workload} against {@code server}: exactly {@code requests} measured requests, within
     * {@code timeCap}, each answer verified by the generator.
     */
    public static LoadPlan check(InetSocketAddress server, Workload workload, long requests, Duration timeCap) {
        return plan(server, workload, 1).withRequests(requests, timeCap)
                .withTimeouts(REQUEST_TIMEOUT, CHECK_CONNECT_TIMEOUT);
    }

    /** The generator's defaults aimed at {@code host:port}: what {@code netarena load} fills from its options. */
    public static LoadPlan defaults(String host, int port) {
        return LoadPlan.to(host, port);
    }
}
