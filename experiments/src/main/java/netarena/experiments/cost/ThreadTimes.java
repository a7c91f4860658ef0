package netarena.experiments.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One reading of every live thread of a process from /proc (Linux): its name, its CPU time in nanoseconds
 * ({@code task/TID/schedstat}, the scheduler's own count, not the 10 ms ticks of {@code stat}) and its
 * context switches. Two readings around a phase give what each thread spent in it; a thread that exits
 * between them takes its time with it, which is why a measured phase starts and stops no thread.
 *
 * @param threads by thread id
 */
public record ThreadTimes(Map<Long, ThreadTime> threads) {

    /**
     * @param name       the thread's {@code comm}, at most 15 characters
     * @param cpuNanos   user + system time since the thread started, ns
     * @param switches   voluntary + involuntary context switches since the thread started
     */
    public record ThreadTime(String name, long cpuNanos, long switches) {
    }

    /** What changed between two readings, by role. */
    public record Delta(Map<ThreadRole, Long> cpuNanos, long switches) {

        /** CPU nanoseconds of {@code role}'s threads. */
        public long nanos(ThreadRole role) {
            return cpuNanos.getOrDefault(role, 0L);
        }
    }

    public ThreadTimes {
        threads = Map.copyOf(threads);
    }

    /** Reads the threads of {@code pid}, or null where /proc does not have them (not Linux, or gone). */
    public static ThreadTimes read(long pid) {
        Map<Long, ThreadTime> byThread = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                ThreadTime t = readThread(task);
                if (t != null) {
                    byThread.put(Long.parseLong(task.getFileName().toString()), t);
                }
            }
            return new ThreadTimes(byThread);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The threads of this JVM. */
    public static ThreadTimes readSelf() {
        return read(ProcessHandle.current().pid());
    }

    /**
     * What each role spent from {@code earlier} to this reading. A thread born in between counts from zero;
     * one that died in between is lost (its time is nowhere left to read).
     */
    public Delta since(ThreadTimes earlier, Predicate<String> isRequest) {
        Map<ThreadRole, Long> nanos = new EnumMap<>(ThreadRole.class);
        long switches = 0;
        for (var e : threads.entrySet()) {
            ThreadTime now = e.getValue();
            ThreadTime before = earlier.threads.get(e.getKey());
            long cpu = now.cpuNanos() - (before == null ? 0 : before.cpuNanos());
            switches += now.switches() - (before == null ? 0 : before.switches());
            nanos.merge(ThreadRole.of(now.name(), isRequest), cpu, Long::sum);
        }
        return new Delta(nanos, switches);
    }

    /** The CPU time so far of the live threads of {@code role} (JIT, GC or OTHER; not REQUEST), ns. */
    public long nanos(ThreadRole role) {
        return threads.values().stream().filter(t -> ThreadRole.of(t.name(), name -> false) == role)
                .mapToLong(ThreadTime::cpuNanos).sum();
    }

    /** One thread, or null when it exited while being read. */
    private static ThreadTime readThread(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            String schedstat = Files.readString(task.resolve("schedstat")).strip();
            long cpuNanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
            long switches = 0;
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return new ThreadTime(name, cpuNanos, switches);
        } catch (IOException threadGone) {
            return null;
        }
    }
}
