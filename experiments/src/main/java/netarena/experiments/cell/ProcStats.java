package netarena.experiments.cell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One reading of a process's counters from /proc (Linux): CPU time, memory, threads. Context switches are
 * per thread in /proc and go with a thread that exits: {@link #threadSwitches} reads them for a
 * {@link SwitchTally}, which keeps the exited threads' counts.
 *
 * @param cpuMicros          user + system CPU time since the process started, in microseconds
 * @param rssKb              resident set size now (VmRSS), KiB
 * @param peakRssKb          peak resident set size (VmHWM), KiB
 * @param threads            threads now
 */
public record ProcStats(long cpuMicros, long rssKb, long peakRssKb, int threads) {

    /** Clock ticks per second of /proc/PID/stat's utime and stime; 100 on every Linux we run on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Reads the counters of {@code pid}, or null where /proc does not have them (not Linux, or gone). */
    public static ProcStats read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: split after its closing one
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
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
            return new ProcStats(ticks * 1_000_000L / CLOCK_TICKS_PER_SECOND, rss, hwm, threads);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Voluntary + involuntary context switches of each live thread of {@code pid}, by thread id, or null
     * where /proc does not have them. (/proc/PID/status counts the main thread only.)
     */
    public static Map<Long, Long> threadSwitches(long pid) {
        Map<Long, Long> byThread = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    long switches = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches += number(line);
                        }
                    }
                    byThread.put(Long.parseLong(task.getFileName().toString()), switches);
                } catch (IOException threadGone) {
                    // the thread exited between the listing and the read
                }
            }
            return byThread;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
