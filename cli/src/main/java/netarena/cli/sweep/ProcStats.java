package netarena.cli.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process's counters from /proc (Linux): CPU time, context switches, memory, threads.
 *
 * @param cpuMicros          user + system CPU time since the process started, in microseconds
 * @param contextSwitches    voluntary + involuntary context switches of the threads alive now (a thread
 *                           that exited takes its count with it)
 * @param rssKb              resident set size now (VmRSS), KiB
 * @param peakRssKb          peak resident set size (VmHWM), KiB
 * @param threads            threads now
 */
public record ProcStats(long cpuMicros, long contextSwitches, long rssKb, long peakRssKb, int threads) {

    /** Clock ticks per second of /proc/PID/stat's utime and stime; 100 on every Linux we run on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Reads the counters of {@code pid}, or null where /proc does not have them (not Linux, or gone). */
    public static ProcStats read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: split after its closing one
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long cs = 0;
            long rss = 0;
            long hwm = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = number(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = number(line);
                } else if (line.startsWith("Threads:")) {
                    threads = (int) number(line);
                }
            }
            cs = contextSwitchesOfAllThreads(pid);
            return new ProcStats(ticks * 1_000_000L / CLOCK_TICKS_PER_SECOND, cs, rss, hwm, threads);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** /proc/PID/status counts the main thread only; the process's switches are the sum over its tasks. */
    private static long contextSwitchesOfAllThreads(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += number(line);
                        }
                    }
                } catch (IOException threadGone) {
                    // the thread exited between the listing and the read
                }
            }
        }
        return sum;
    }

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
