package netarena.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What runs the work that is not I/O (the {@code --workers} pool, or with {@code --workers 0} the workers that
 * run CPU and BLOCK): the seed article's pool designs. Every kind keeps the same rules of which task runs next
 * (connections in turn, the per-connection and queue bounds, the long-work slots); the kinds differ only in
 * the threads that run the tasks. docs/MODELS.md says what each thread does.
 */
public enum WorkerPoolKind {
    /** N platform threads, started with the server and kept: the default. */
    FIXED,
    /**
     * N platform threads at least, growing by one whenever a task is waiting and no worker is idle, up to a
     * maximum, and ending the threads beyond N once they have been idle for the keep-alive: as a
     * {@code ThreadPoolExecutor} with core, maximum and keep-alive, or the Windows thread pool.
     */
    ELASTIC,
    /** A {@link java.util.concurrent.ForkJoinPool} of parallelism N, each task handed to it. */
    WORK_STEALING,
    /** A new virtual thread per task, at most N of them running at once. */
    VIRTUAL;

    /** How the command line and the results name it, e.g. {@code work-stealing}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code label}; an IllegalArgumentException listing the kinds when none is. */
    public static WorkerPoolKind fromLabel(String label) {
        for (WorkerPoolKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown worker pool '" + label + "': expected one of " + labels());
    }

    /** Every kind's label, comma-separated, in declaration order. */
    public static String labels() {
        return Arrays.stream(values()).map(WorkerPoolKind::label).collect(Collectors.joining(", "));
    }
}
