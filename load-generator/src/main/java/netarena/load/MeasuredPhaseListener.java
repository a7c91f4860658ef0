package netarena.load;

/**
 * Told when a run's measured phase starts and ends, so that whoever runs the generator can read its own
 * counters (a server's CPU time, say) over exactly the phase the result describes. Both calls come on the
 * generator's controller thread, at most once each, and {@link #measuredPhaseEnded} only after
 * {@link #measuredPhaseStarted}; a listener keeps them short, since the event loops are running.
 */
public interface MeasuredPhaseListener {

    /** A listener that does nothing. */
    MeasuredPhaseListener NONE = new MeasuredPhaseListener() {
    };

    /** The warmup is over: requests intended from now on are measured. */
    default void measuredPhaseStarted() {
    }

    /**
     * Sending has stopped (the duration, the request budget or a stop): the answers still outstanding are
     * drained after this, but no measured request is sent.
     */
    default void measuredPhaseEnded() {
    }
}
