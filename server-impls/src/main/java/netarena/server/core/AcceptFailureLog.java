package netarena.server.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Accept failures (file descriptors exhausted, say) are logged once per interval with a count, and the
 * accepting thread backs off briefly, instead of spinning and flooding the log.
 */
public final class AcceptFailureLog {

    private static final System.Logger LOG = System.getLogger(AcceptFailureLog.class.getName());
    private static final long INTERVAL_NANOS = 1_000_000_000L;
    /** How long the accepting thread waits after a failure before it tries again. */
    public static final long BACKOFF_NANOS = 10_000_000L;

    private long lastLogNanos = System.nanoTime() - INTERVAL_NANOS;
    private long suppressed;

    /** Called by the accepting thread after a failed accept; backs off before returning. */
    public void failed(Exception e) {
        record(e);
        LockSupport.parkNanos(BACKOFF_NANOS);
    }

    /**
     * Logs the failure, or counts it for the next report when one was logged less than an interval ago;
     * does not back off (for an event loop, which must not park: it pauses accepting instead).
     */
    public synchronized void record(Exception e) {
        long now = System.nanoTime();
        if (now - lastLogNanos >= INTERVAL_NANOS) {
            LOG.log(System.Logger.Level.WARNING, "accept failed: {0} ({1} more since the last report)", e.toString(),
                    suppressed);
            lastLogNanos = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
    }
}
