package netarena.server.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * The server-wide budget of bytes held on behalf of connections: partial requests in the codecs,
 * requests read and not yet answered, answers not yet written. Per-connection limits alone bound memory
 * by connections x (max-pending + a frame), which a few hundred clients that never read push past a
 * small heap; this bounds the sum.
 *
 * <p>The rules, while more than the budget is held:
 * <ul>
 *   <li>a connection holding more than {@link ServerConfig.Limits#FAIR_SHARE_BYTES} stops reading ({@link #admits}
 *       says no and remembers it); one holding less always reads, so hoarders cannot starve small requests;</li>
 *   <li>one waiting connection at a time, the one with a request in progress that holds the most, may read
 *       on until that request is whole ({@link #tick}): without it, large requests that together fill the
 *       budget would wait for each other forever;</li>
 *   <li>a connection whose answers have not moved for {@value #SHED_AFTER_NANOS} ns (its client does not
 *       read them) is shed, one per tick, the longest stuck first.</li>
 * </ul>
 * Once the total is under the budget again, every paused connection is handed back to its model.
 *
 * <p>Threads: {@link #add} from any thread that changes what a connection holds (a LongAdder: no
 * contended atomic on the hot path); {@link #admits} from whichever thread asks whether a connection may
 * read; {@link #tick} from the reaper.
 */
final class MemoryBudget {

    /** Answers unmoved this long, while the budget is spent, mark a client that does not read them. */
    static final long SHED_AFTER_NANOS = 1_000_000_000L;

    private final long maxBytes;
    private final ServerStats stats;
    private final LongAdder held = new LongAdder();
    private final Set<Connection> paused = ConcurrentHashMap.newKeySet();
    /** The connection allowed to finish its request over the budget, or null. */
    private volatile Connection privileged;

    MemoryBudget(long maxBytes, ServerStats stats) {
        this.maxBytes = maxBytes;
        this.stats = stats;
    }

    void add(long deltaBytes) {
        held.add(deltaBytes);
    }

    /** Bytes held by every connection together; a sum of moving parts, not a snapshot. */
    long heldBytes() {
        return held.sum();
    }

    /**
     * True when the budget has room (or {@code connection} is the privileged one); otherwise records it as
     * paused for memory and returns false. Called only for connections past their fair share.
     */
    boolean admits(Connection connection) {
        if (held.sum() <= maxBytes || connection == privileged) {
            return true;
        }
        if (paused.add(connection)) {
            stats.memoryPause();
        }
        // memory freed between the check and the add would have found nobody to resume: look again
        if (held.sum() <= maxBytes) {
            paused.remove(connection);
            return true;
        }
        return false;
    }

    /** True while {@code connection} waits for memory (its header clock runs on meanwhile). */
    boolean isPaused(Connection connection) {
        return paused.contains(connection);
    }

    /** {@code connection}'s request in progress is whole (or it closed): its privilege, if any, ends. */
    void requestWhole(Connection connection) {
        if (privileged == connection) {
            privileged = null;
        }
    }

    void forget(Connection connection) {
        paused.remove(connection);
        requestWhole(connection);
    }

    /**
     * Hands every connection paused so far back to its model, once. A model may re-check on this very thread
     * (async posts its read from here) and find the budget spent again, because a connection resumed just
     * before has read into it: that connection then pauses again, which must wait for the next tick. So this
     * walks a copy. Walking the set itself can meet each re-added connection again (a ConcurrentHashMap appends
     * it behind the iterator, in the bin being walked) and again: the reaper then never finishes its tick, and
     * with it stop resumes, privilege, shedding and timeouts, so every paused connection hangs.
     */
    private void resumeAllPaused() {
        if (paused.isEmpty()) {
            return;
        }
        for (Connection connection : paused.toArray(new Connection[0])) {
            // false: it closed (forgotten) or found room on its own re-check meanwhile: nothing to resume
            if (paused.remove(connection)) {
                connection.resumeReading();
            }
        }
    }

    /** The reaper, every tick, with the live connections: resumes, privileges and sheds as the rules say. */
    void tick(long now, Iterable<Connection> live) {
        if (held.sum() <= maxBytes) {
            privileged = null;
            resumeAllPaused();
            return;
        }
        if (privileged == null) {
            Connection largest = null;
            for (Connection connection : paused) {
                if (connection.midRequest() && (largest == null || connection.heldBytes() > largest.heldBytes())) {
                    largest = connection;
                }
            }
            if (largest != null) {
                privileged = largest;
                paused.remove(largest);
                largest.resumeReading();
            }
        }
        Connection stuck = null;
        for (Connection connection : live) {
            if (connection.pendingBytes() > 0 && connection.heldBytes() > ServerConfig.Limits.FAIR_SHARE_BYTES
                    && now - connection.lastActivityNanos() > SHED_AFTER_NANOS
                    && (stuck == null || connection.lastActivityNanos() < stuck.lastActivityNanos())) {
                stuck = connection;
            }
        }
        if (stuck != null) {
            stuck.shed();
        }
    }
}
