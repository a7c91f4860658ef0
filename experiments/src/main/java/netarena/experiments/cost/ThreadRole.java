package netarena.experiments.cost;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a thread of a JVM does, told from its name as /proc shows it ({@code comm}, cut to 15 characters):
 * HotSpot names its compiler and collector threads, netarena names the threads that carry requests.
 */
public enum ThreadRole {
    /** I/O loops, workers, timers: the threads whose CPU time is the cost of a request. */
    REQUEST,
    /** The JIT compilers ({@code C1 CompilerThre}, {@code C2 CompilerThre}). */
    JIT,
    /** The collector's threads (G1, Parallel, ZGC, Shenandoah). */
    GC,
    /** The JVM's housekeeping, the main thread, and anything else. */
    OTHER;

    private static final String MAIN_THREAD_NAME = "java";
    private static final List<String> JIT_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre", "JVMCI");
    private static final List<String> GC_PREFIXES = List.of("GC Thread", "G1 ", "Parallel GC", "ZDriver", "ZWorker",
            "ZDirector", "ZStat", "ZUnmapper", "ZUncommitter", "Shenandoah", "Shen");
    /**
     * The JVM's own threads that are neither compiler nor collector: the VM thread runs every safepoint
     * operation, not only collections, so it is here.
     */
    private static final List<String> JVM_PREFIXES = List.of("main", "VM Thread", "VM Periodic Tas", "Reference Handl",
            "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati", "Notification Th", "Common-Cleaner",
            "Attach Listener", "Sweeper thread", "process reaper", "DestroyJavaVM", "JFR", "VM JFR");

    /**
     * Whether a server thread is a request thread: every thread but the JVM's compiler, collector and
     * housekeeping threads (known by their HotSpot names), since a server starts no thread that does not serve.
     */
    public static boolean isServerRequestThread(String name) {
        return jvmRole(name) == null;
    }

    /** The role of a thread in a JVM whose request threads are those {@code isRequest} accepts. */
    public static ThreadRole of(String name, Predicate<String> isRequest) {
        ThreadRole jvm = jvmRole(name);
        if (jvm != null) {
            return jvm;
        }
        return isRequest.test(name) ? REQUEST : OTHER;
    }

    /** JIT, GC or OTHER for a HotSpot thread name; null for a thread the program named. */
    private static ThreadRole jvmRole(String name) {
        if (startsWithAny(name, JIT_PREFIXES)) {
            return JIT;
        }
        if (startsWithAny(name, GC_PREFIXES)) {
            return GC;
        }
        // the launcher's main thread keeps the process's name
        return name.equals(MAIN_THREAD_NAME) || startsWithAny(name, JVM_PREFIXES) ? OTHER : null;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }
}
