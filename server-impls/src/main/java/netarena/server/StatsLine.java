package netarena.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one machine-readable line {@code netarena serve} writes to its log when it stops, and its reader:
 * the owner of that format, so a launcher reads the server's own counters out of its log without
 * guessing. One line, {@value #PREFIX} then space-separated {@code key=value} pairs, integers only; a
 * key with a slash is the answered count of one {@code op/STATUS}, as {@link ServerStats.Snapshot}
 * keys them:
 *
 * <pre>
 * netarena-server-stats v=1 received=2000 answered=2000 thread-held-requests=2000 thread-held-nanos=2104331000 worker-threads-peak=4 block/OK=1980 echo/OK=20
 * </pre>
 *
 * Nanoseconds are named so; counts are requests, but for {@code worker-threads-peak}, the most threads the
 * worker pool held at once (a line written before it existed lacks it). Pure, any thread.
 */
public final class StatsLine {

    /** What the line starts with. */
    public static final String PREFIX = "netarena-server-stats";
    /** The format version written. */
    static final int VERSION = 1;
    private static final String WORKER_THREADS_PEAK = "worker-threads-peak";

    private StatsLine() {
    }

    /** The line for {@code s}, without a line break. */
    public static String format(ServerStats.Snapshot s) {
        return PREFIX + " v=" + VERSION + " received=" + s.received() + " answered=" + s.totalRequests()
                + " thread-held-requests=" + s.threadHeldRequests() + " thread-held-nanos=" + s.threadHeldNanos()
                + " " + WORKER_THREADS_PEAK + "=" + s.workerThreadsPeak() + byOpStatus(s.requestsByOpStatus());
    }

    private static String byOpStatus(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * The counters of the last stats line in {@code logText} (a server restarted into the same log
     * wrote one per life; the last is the latest), or empty when there is none.
     *
     * @throws IllegalArgumentException when the last line is of another version or lacks a counter
     */
    public static Optional<ServerCounters> lastIn(String logText) {
        String found = null;
        for (String line : logText.split("\n")) {
            int at = line.indexOf(PREFIX + " ");
            if (at >= 0) {
                found = line.substring(at + PREFIX.length() + 1).strip();
            }
        }
        return found == null ? Optional.empty() : Optional.of(parse(found));
    }

    private static ServerCounters parse(String pairs) {
        Map<String, Long> values = new HashMap<>();
        Map<String, Long> byOpStatus = new TreeMap<>();
        for (String pair : pairs.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a stats line holds key=value pairs, got '" + pair + "'");
            }
            String key = pair.substring(0, eq);
            (key.indexOf('/') > 0 ? byOpStatus : values).put(key, Long.parseLong(pair.substring(eq + 1)));
        }
        long version = required(values, "v");
        if (version != VERSION) {
            throw new IllegalArgumentException("stats line version must be " + VERSION + ", got " + version);
        }
        return new ServerCounters(required(values, "received"), required(values, "answered"),
                required(values, "thread-held-requests"), required(values, "thread-held-nanos"),
                values.getOrDefault(WORKER_THREADS_PEAK, -1L).intValue(), byOpStatus);
    }

    private static long required(Map<String, Long> values, String key) {
        Long v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the stats line lacks '" + key + "'");
        }
        return v;
    }

    /**
     * A server's counters over its whole life, as its stats line gives them.
     *
     * @param received           whole requests read
     * @param answered           requests answered
     * @param threadHeldRequests requests whose work held a thread
     * @param threadHeldNanos    the total time they held it, nanoseconds
     * @param workerThreadsPeak  the most threads the worker pool held at once; -1 when the line does not say
     * @param answeredByOpStatus answered requests keyed {@code op/STATUS}, e.g. {@code block/OK}
     */
    public record ServerCounters(long received, long answered, long threadHeldRequests, long threadHeldNanos,
            int workerThreadsPeak, Map<String, Long> answeredByOpStatus) {

        public ServerCounters {
            answeredByOpStatus = Map.copyOf(answeredByOpStatus);
        }

        /** The mean time one request held a thread, microseconds; NaN before any. */
        public double meanServiceMicros() {
            return threadHeldRequests == 0 ? Double.NaN : threadHeldNanos / 1e3 / threadHeldRequests;
        }

        /**
         * The mean time one request of {@code op} (a label, e.g. {@code block}) held a thread, microseconds,
         * for a server that answered mostly {@code op}: all the time held over the OK answers of {@code op}
         * (a rejected request holds no thread).
         * A launcher's verify gate sends a few requests of every op first; their short holds (echo, CPU of
         * microseconds) then add little, where dividing by every request held, as
         * {@link #meanServiceMicros()} does, would count them as requests of no length. NaN when fewer
         * requests held a thread than {@code op} answered: that op's work holds none (a DELAY on the timer)
         * and the time is the other ops'.
         */
        public double meanServiceMicros(String op) {
            long answeredOp = answeredByOpStatus.getOrDefault(op + "/OK", 0L);
            return answeredOp == 0 || threadHeldRequests < answeredOp ? Double.NaN
                    : threadHeldNanos / 1e3 / answeredOp;
        }
    }
}
