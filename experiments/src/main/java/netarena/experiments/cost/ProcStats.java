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

    private static long number(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
