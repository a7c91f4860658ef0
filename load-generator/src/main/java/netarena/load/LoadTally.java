package netarena.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the event loops' counters into a result's counts, by each {@link Count}'s category and scope
 * alone: the one place that knows how a count is reported. Used by the controller thread: for progress
 * at any time, for the result once the loops have finished.
 */
final class LoadTally {

    private final List<LoopStats> loops;

    LoadTally(List<LoopStats> loops) {
        this.loops = List.copyOf(loops);
    }

    /** The counts of a finished run, and its first few verification failures. */
    record Counts(LoadResult.RequestCounts requests, LoadResult.RequestCounts warmup, LoadResult.ErrorCounts errors,
            LoadResult.ConnectionCounts connections, List<String> mismatchSamples) {
    }

    long sum(Count kind, boolean warmup) {
        long n = 0;
        for (LoopStats loop : loops) {
            n += loop.counters.get(kind, warmup);
        }
        return n;
    }

    /** Every error so far, warmup requests' included. */
    long errorsSoFar() {
        long n = 0;
        for (Count k : Count.VALUES) {
            if (k.error != null) {
                n += sum(k, false) + (k.byPhase() ? sum(k, true) : 0);
            }
        }
        return n;
    }

    /**
     * @param requestedConnections the plan's connections
     * @param finished             what each loop reported when it finished ({@link LoadLoop.FinishFigures#NONE}
     *                             for a loop that did not)
     */
    Counts counts(int requestedConnections, List<LoadLoop.FinishFigures> finished) {
        long inFlight = 0;
        long inFlightWarmup = 0;
        long unsent = 0;
        long openAtEnd = 0;
        List<String> samples = new ArrayList<>();
        for (LoadLoop.FinishFigures f : finished) {
            inFlight += f.inFlight();
            inFlightWarmup += f.inFlightWarmup();
            unsent += f.unsentBehindSchedule();
            openAtEnd += f.openAtEnd();
            f.mismatchSamples().stream().limit(LoopStats.MAX_MISMATCH_SAMPLES - samples.size()).forEach(samples::add);
        }
        long reopened = sum(Count.REOPENED, false);
        LoadResult.ConnectionCounts connections = new LoadResult.ConnectionCounts(requestedConnections,
                sum(Count.ESTABLISHED, false) - reopened, sum(Count.CONNECT_FAILED, false), reopened, openAtEnd,
                sum(Count.SERVER_CLOSED, false));
        return new Counts(requests(false, inFlight, unsent), requests(true, inFlightWarmup, 0), errors(), connections,
                List.copyOf(samples));
    }

    private LoadResult.RequestCounts requests(boolean warmup, long inFlight, long unsentAtEnd) {
        long failed = 0;
        for (Count k : Count.VALUES) {
            if (k.category == Count.Category.REQUEST_ERROR) {
                failed += sum(k, warmup);
            }
        }
        return new LoadResult.RequestCounts(sum(Count.SENT, warmup), sum(Count.OK, warmup), failed,
                sum(Count.LATE, warmup), inFlight, unsentAtEnd + sum(Count.UNSENT, warmup), sum(Count.RESENT, warmup),
                sum(Count.OK_IN_WINDOW, warmup));
    }

    /** Request errors of the measured phase and connection errors of the whole run, by kind. */
    private LoadResult.ErrorCounts errors() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (Count k : Count.VALUES) {
            if (k.error != null) {
                byKind.merge(k.error, sum(k, false), Long::sum);
            }
        }
        return new LoadResult.ErrorCounts(byKind, httpStatusCounts());
    }

    /** HTTP answers to measured requests outside 2xx, by status code. */
    private SortedMap<Integer, Long> httpStatusCounts() {
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        if (sum(Count.HTTP_STATUS, false) == 0) {
            return byStatus;
        }
        for (int code = 100; code < 1000; code++) {
            long n = 0;
            for (LoopStats loop : loops) {
                n += loop.counters.status(code);
            }
            if (n > 0) {
                byStatus.put(code, n);
            }
        }
        return byStatus;
    }
}
