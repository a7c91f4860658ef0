package netarena.results.run;

import java.util.Locale;

/**
 * One cell of a sweep plan: a server configuration under one kind of load. Two runs compare cell by
 * cell on this key.
 *
 * @param model       the I/O model label, e.g. {@code selector}; or {@code target:HOST:PORT} for a server netarena
 *                    did not start ({@link #externalTarget()}), whose io-threads and workers are then 0: its own
 * @param ioThreads   the server's {@code --io-threads}
 * @param workers     the server's {@code --workers}
 * @param workerPool  the server's {@code --worker-pool}: {@code fixed}, {@code elastic}, {@code work-stealing}
 *                    or {@code virtual}
 * @param connections the generator's connections
 * @param op          {@code echo}, {@code cpu}, {@code delay} or {@code block}
 * @param sizeBytes   the request payload size
 * @param arg         the op's argument (CPU rounds, or microseconds)
 * @param ratePerSec  the open-loop rate in requests per second; 0 for a closed-loop cell
 * @param protocol    {@code frame} or {@code http}
 */
public record CellKey(String model, int ioThreads, int workers, String workerPool, int connections, String op,
        int sizeBytes, long arg, double ratePerSec, String protocol) {

    /**
     * The pool every server ran before {@code --worker-pool} existed: what a results file without the column
     * measured, and the kind a cell id leaves unsaid, so that those cells keep their ids.
     */
    public static final String POOL_BEFORE_KINDS = "fixed";

    /** A cell of a server with the {@link #POOL_BEFORE_KINDS fixed} pool. */
    public CellKey(String model, int ioThreads, int workers, int connections, String op, int sizeBytes, long arg,
            double ratePerSec, String protocol) {
        this(model, ioThreads, workers, POOL_BEFORE_KINDS, connections, op, sizeBytes, arg, ratePerSec, protocol);
    }

    /** What the model of a cell starts with when its server is an external target, not a model netarena launched. */
    public static final String TARGET_PREFIX = "target:";

    /** {@code target:HOST:PORT}, the model label of the cells measured against the server at {@code hostPort}. */
    public static String targetModel(String hostPort) {
        return TARGET_PREFIX + hostPort;
    }

    /**
     * True when the server was an external target: its process is not netarena's, so what is read from the
     * server's process (CPU per request, switches, threads, RSS, memory per connection) is unknown.
     */
    public boolean externalTarget() {
        return model.startsWith(TARGET_PREFIX);
    }

    public boolean openLoop() {
        return ratePerSec > 0;
    }

    /**
     * A stable, file-name-safe id, e.g. {@code selector_io2_w0_c256_echo-64B-0_closed_frame}, or with a pool other
     * than the fixed one {@code selector_io2_w8-elastic_c256_block-0B-1000_closed_frame}; a target's {@code :},
     * {@code [} and {@code ]} read {@code -} ({@code target-127.0.0.1-8080_io0_...}).
     */
    public String id() {
        String loop = openLoop() ? String.format(Locale.ROOT, "rate%.0f", ratePerSec) : "closed";
        String pool = POOL_BEFORE_KINDS.equals(workerPool) ? "" : "-" + workerPool;
        return String.format(Locale.ROOT, "%s_io%d_w%d%s_c%d_%s-%dB-%d_%s_%s", model.replaceAll("[^A-Za-z0-9._-]", "-"),
                ioThreads, workers, pool, connections, op, sizeBytes, arg, loop, protocol);
    }

    /** The load without the server configuration: cells with equal workloads are drawn in one chart. */
    public String workload() {
        String loop = openLoop() ? String.format(Locale.ROOT, "open %.0f/s", ratePerSec) : "closed";
        return String.format(Locale.ROOT, "%s %dB arg=%d %s %s", op, sizeBytes, arg, loop, protocol);
    }
}
