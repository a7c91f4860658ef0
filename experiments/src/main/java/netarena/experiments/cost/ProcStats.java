package netarena.experiments.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process's memory and thread count from {@code /proc/PID/status} (Linux). CPU time is
 * read per thread, by {@link ThreadTimes}.
 *
 * @param rssKb     resident set size now (VmRSS), KiB
 * @param peakRssKb peak resident set size (VmHWM), KiB
 * @param threads   threads now
 */
public record ProcStats(long rssKb, long peakRssKb, int threads) {

    /** Reads the counters of {@code pid}, or null where /proc does not have them (not Linux, or gone). */
    public static ProcStats read(long pid) {
        try {
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
            return new ProcStats(rss, hwm, threads);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The CPUs {@code pid} may run on (its affinity, as {@code taskset} sets it), from
     * {@code Cpus_allowed_list}; -1 when /proc cannot say.
     */
    public static int allowedCpus(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return countCpus(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPUs of a Linux CPU list, e.g. {@code 0-3,6} is 5. */
    static int countCpus(String list) {
        int n = 0;
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
        }
        return n;
    }

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
