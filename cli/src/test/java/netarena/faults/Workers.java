package netarena.faults;

import java.util.List;
import netarena.server.ServerConfigBuilder;
import netarena.server.ServerDefaults;
import netarena.server.WorkerPoolKind;

/**
 * The workers a scenario's server runs with: {@code --workers} and {@code --worker-pool}, for a server in the
 * test's JVM and for one in its own.
 *
 * @param count the server's --workers; 0 runs CPU and BLOCK on workers of their own, of the same kind
 * @param kind  the server's --worker-pool
 */
record Workers(int count, WorkerPoolKind kind) {

    /** The server's defaults. */
    static final Workers DEFAULTS = new Workers(ServerDefaults.WORKERS, ServerDefaults.WORKER_POOL);

    /** {@code count} workers of the default kind. */
    static Workers of(int count) {
        return new Workers(count, ServerDefaults.WORKER_POOL);
    }

    /** {@code config} with these workers and the default I/O threads. */
    ServerConfigBuilder applyTo(ServerConfigBuilder config) {
        return config.threads(ServerDefaults.IO_THREADS, count).workerPool(kind);
    }

    /** The arguments of {@code netarena serve} that say the same. */
    List<String> serveArgs() {
        return List.of("--workers", Integer.toString(count), "--worker-pool", kind.label());
    }

    /** How a row names them, e.g. {@code --workers 4, --worker-pool elastic}. */
    String label() {
        return "--workers " + count + ", --worker-pool " + kind.label();
    }
}
