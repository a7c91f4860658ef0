package netarena.load;

/**
 * Told when a run's measured phase starts and ends, so that whoever runs the generator can read its own
 * counters (a server's CPU time, say) over exactly the phase the result describes, and asked during the
 * warmup whether it may end before the plan's warmup time (which is then its longest). Every call comes on
 * the generator's controller thread; the start and end at most once each, the end only after the start; a
 * listener keeps them short, since the event loops are running.
 */
public interface MeasuredPhaseListener {

    /** A listener that does nothing. */
    MeasuredPhaseListener NONE = new MeasuredPhaseListener() {
    };

    /**
     * Asked about every {@value LoadGenerator#WARMUP_POLL_MILLIS} ms of the warmup, on the same connections
     * the measured phase then uses: true ends the warmup now, and the measured phase runs its full duration
     * from here. The default keeps the plan's whole warmup.
     *
     * @param warmupAnswers verified answers to warmup requests so far
     */
    default boolean warmupMayEnd(long warmupAnswers) {
        return false;
    }

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
