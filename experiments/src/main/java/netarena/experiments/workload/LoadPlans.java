package netarena.experiments.workload;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import netarena.load.AgentSlice;
import netarena.load.LoadBounds;
import netarena.load.LoadDefaults;
import netarena.load.LoadLimits;
import netarena.load.LoadPlan;
import netarena.load.LoadRequest;
import netarena.load.OpenLoop;
import netarena.load.LoadShape;
import netarena.load.LoadTarget;

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
    public static final Duration REQUEST_TIMEOUT = LoadDefaults.TIMEOUT;
    /**
     * All connections must open within this in a measurement. Longer than the generator's own default: a
     * server JVM that has just started accepts thousands of connections while its JIT is still cold.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** A verify check opens one connection to a server that has said it listens: it opens at once or never. */
    public static final Duration CHECK_CONNECT_TIMEOUT = LoadDefaults.CONNECT_TIMEOUT;

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
        int connections = workload.connections();
        return LoadPlan.to(server.getHostString(), server.getPort())
                .withTarget(t -> t.withProtocol(workload.protocol()))
                .withLimits(l -> l.withConnections(connections, Math.min(generatorThreads, connections)))
                .withRequest(q -> q.withOp(workload.op(), workload.sizeBytes(), workload.arg()).withHttp(workload.http()))
                .withBounds(b -> b.withTimeouts(REQUEST_TIMEOUT, CONNECT_TIMEOUT))
                .with(workload.shape());
    }

    /**
     * A check of {@code workload} against {@code server}: exactly {@code requests} measured requests, within
     * {@code timeCap}, each answer verified by the generator.
     */
    public static LoadPlan check(InetSocketAddress server, Workload workload, long requests, Duration timeCap) {
        return plan(server, workload, 1)
                .withBounds(b -> b.forRequests(requests, timeCap).withTimeouts(REQUEST_TIMEOUT, CHECK_CONNECT_TIMEOUT));
    }

    /**
     * The plan {@code netarena load} assembles from its options, each part already checked by its own
     * record; the defaults of the parts are {@link LoadDefaults}.
     */
    public static LoadPlan of(LoadTarget target, LoadShape shape, LoadBounds bounds, LoadRequest request,
            LoadLimits limits, Path outDir) {
        return new LoadPlan(target, shape, bounds, request, limits, outDir);
    }

    /**
     * Agent {@code slice}'s share of {@code whole}, a run sent from {@code slice.count()} processes: C / count
     * connections (on no more threads than that), R / count requests per second and, for a run bounded by
     * requests, that budget / count; everything else as the whole run's. Its connections send the slice's
     * part of the whole run's schedule ({@link AgentSlice#schedule}).
     *
     * @throws IllegalArgumentException when count does not divide the connections, rate or request budget
     */
    public static LoadPlan share(LoadPlan whole, AgentSlice slice) {
        if (slice.count() == 1) {
            return whole;
        }
        int connections = (int) slice.share(whole.limits().connections(), "--connections");
        LoadPlan share = whole.withLimits(l -> l.withConnections(connections, Math.min(l.threads(), connections))
                .withSlice(slice));
        if (whole.shape() instanceof OpenLoop open) {
            share = share.with(new OpenLoop(slice.share(open.ratePerSecond(), "--rate"), open.arrivals(),
                    open.warmAtFullSpeed()));
        }
        LoadBounds bounds = whole.bounds();
        if (bounds.requests() > 0) {
            long requests = slice.share(bounds.requests(), "--requests");
            share = share.withBounds(b -> b.forRequests(requests, bounds.duration()));
        }
        return share;
    }
}
