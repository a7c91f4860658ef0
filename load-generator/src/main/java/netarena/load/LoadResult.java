package netarena.load;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run measured. Histograms are in microseconds (1 us to 1 h, 3 significant digits) and belong to
 * the result: read them, do not record into them.
 *
 * @param plan              the plan that ran
 * @param startedAt         when the generator started opening connections
 * @param environment       where it ran
 * @param connectFailure    why the run could not open its connections, or null when it could
 * @param partial           stopped early (Ctrl-C, {@link LoadGenerator#stop}): figures cover what ran
 * @param invalidReasons    why the figures describe the generator rather than the server; empty when valid
 * @param measuredSeconds   from the end of warmup until sending stopped
 * @param generatorCpuSeconds CPU time (user + system, all threads) the generator process spent from the start
 *                          of the measured phase to the end of the drain; -1 when the JVM cannot say
 * @param requests          requests sent in the measured phase and what became of them
 * @param warmup            the same for warmup requests (verified, not in the histograms)
 * @param errors            errors by kind: the measured phase's request errors and the whole run's
 *                          connection errors
 * @param connections       connection accounting over the whole run
 * @param latency           measured OK answers, from the intended send time (coordinated omission corrected;
 *                          in closed loop the intended time is the send time, so this is not corrected)
 * @param serviceTime       the same answers, from the actual write
 * @param sendLag           open loop: actual minus intended send time of every measured request
 * @param hiccups           how late the generator's 1 ms probe woke, during the measured phase
 * @param connectTime       every connection established, first or reopened
 * @param mismatchSamples   the first few verification failures, described
 */
public record LoadResult(
        LoadPlan plan,
        Instant startedAt,
        Environment environment,
        String connectFailure,
        boolean partial,
        List<String> invalidReasons,
        double measuredSeconds,
        double generatorCpuSeconds,
        RequestCounts requests,
        RequestCounts warmup,
        ErrorCounts errors,
        ConnectionCounts connections,
        Histogram latency,
        Histogram serviceTime,
        Histogram sendLag,
        Histogram hiccups,
        Histogram connectTime,
        List<String> mismatchSamples) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_INVALID = 2;
    public static final int EXIT_CONNECT_FAILED = 3;
    /** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
    public static final int EXIT_PARTIAL = 130;

    /**
     * Requests of one phase.
     *
     * @param sent                 written to a connection
     * @param ok                   answered OK and verified
     * @param failed               timed out, lost on a closed connection, answered BAD_REQUEST or BUSY, or
     *                             failed verification
     * @param late                 answered after they had been counted as timeouts
     * @param inFlightAtEnd        still unanswered when the run ended (neither ok nor failed)
     * @param unsentBehindSchedule open loop: intended before the end but never sent (their connection was down)
     * @param resent               HTTP: sent again on a new connection because the server announced its close
     *                             before reading them (counted once in {@code sent})
     * @param okInWindow           of {@code ok}, those answered inside the measured window (before sending
     *                             stopped): what throughput counts; 0 for the warmup
     */
    public record RequestCounts(long sent, long ok, long failed, long late, long inFlightAtEnd,
            long unsentBehindSchedule, long resent, long okInWindow) {
    }

    /**
     * Errors by kind. Request kinds (timeout, lost, bad_request, busy, mismatch, http_status) count measured
     * requests; connection kinds (connect_failed, closed, bad_frame, malformed, and stray answers under
     * mismatch) count over the whole run.
     *
     * @param byKind           every {@link ErrorKind}, 0 when none happened
     * @param httpStatusCounts those answers by status code, ascending; empty when there were none
     */
    public record ErrorCounts(Map<ErrorKind, Long> byKind, SortedMap<Integer, Long> httpStatusCounts) {

        public ErrorCounts {
            Map<ErrorKind, Long> all = new EnumMap<>(ErrorKind.class);
            for (ErrorKind k : ErrorKind.VALUES) {
                all.put(k, byKind.getOrDefault(k, 0L));
            }
            byKind = Collections.unmodifiableMap(all);
            httpStatusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(httpStatusCounts));
        }

        /** The errors of this kind: every kind is there, 0 when none happened. */
        public long get(ErrorKind kind) {
            return byKind.get(kind);
        }

        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param requested       connections the plan asked for
     * @param established     of those, how many opened at the start
     * @param failedToConnect connection attempts that failed, at the start or when reopening
     * @param reopened        connections opened again after one closed or failed
     * @param openAtEnd       connections open when the run ended
     * @param closedByServer  HTTP: closes the server announced ({@code Connection: close}); each was reopened
     *                        (and counts in {@code reopened}); not an error
     */
    public record ConnectionCounts(int requested, long established, long failedToConnect, long reopened,
            long openAtEnd, long closedByServer) {
    }

    /** Where the generator ran; {@code transport} is epoll or nio. */
    public record Environment(String javaVersion, String javaVm, String osName, String osVersion, String osArch,
            int cpuCount, String transport, long maxOpenFiles) {

        /** This JVM and machine, with the generator's transport. */
        static Environment current(String transport) {
            return new Environment(System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), transport, MachineLimits.maxOpenFiles());
        }
    }

    public boolean connectFailed() {
        return connectFailure != null;
    }

    public boolean valid() {
        return invalidReasons.isEmpty();
    }

    /** Every error of the run, warmup requests included: none is ever accepted silently. */
    public long errorTotal() {
        return errors.total() + warmup.failed();
    }

    /**
     * Verified OK answers per second of the measured window: answers to measured requests that arrived
     * before sending stopped (not those to warmup requests, nor those of the drain).
     */
    public double okPerSecond() {
        return measuredSeconds > 0 ? requests.okInWindow() / measuredSeconds : 0;
    }

    /**
     * Samples in {@link #latency} that are timed-out requests, entered at the time they were found timed out
     * (at least the timeout after their intended send): the measured timeouts.
     */
    public long timedOutLatencySamples() {
        return errors.get(ErrorKind.TIMEOUT);
    }

    /** Measured requests sent per second: in open loop, compare with the plan's rate. */
    public double sentPerSecond() {
        return measuredSeconds > 0 ? requests.sent() / measuredSeconds : 0;
    }

    /** The generator's own CPU cost per measured request sent, in microseconds; -1 when unknown. */
    public double generatorCpuMicrosPerRequest() {
        return generatorCpuSeconds >= 0 && requests.sent() > 0 ? generatorCpuSeconds * 1e6 / requests.sent() : -1;
    }

    /** One word: connect_failed, invalid, errors, partial or ok, in that order of precedence. */
    public String status() {
        return status(exitCode());
    }

    /**
     * The word {@code result.json} writes beside an exit code: connect_failed, invalid, errors, partial, or
     * ok for any other code. A merged run of several agents names its exit code by this too.
     */
    public static String status(int exitCode) {
        return switch (exitCode) {
            case EXIT_CONNECT_FAILED -> "connect_failed";
            case EXIT_INVALID -> "invalid";
            case EXIT_ERRORS -> "errors";
            case EXIT_PARTIAL -> "partial";
            default -> "ok";
        };
    }

    /** 3 connect failure, 2 invalid (generator-bound), 1 errors, 130 partial (Ctrl-C), 0 ok. */
    public int exitCode() {
        if (connectFailed()) {
            return EXIT_CONNECT_FAILED;
        }
        if (!valid()) {
            return EXIT_INVALID;
        }
        if (errorTotal() > 0) {
            return EXIT_ERRORS;
        }
        return partial ? EXIT_PARTIAL : EXIT_OK;
    }
}
