package netarena.load;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a run's schedule starts: at once, or at a common wall-clock instant shared by every agent of a
 * distributed run. The controller thread calls {@link #open} once its connections are up; the gate
 * waits for the instant and returns the {@link System#nanoTime} value that is the schedule's time zero.
 *
 * <p>An agent that reaches the gate after the instant (its connections were slow) still takes the common
 * instant as its time zero, so its intended send times stay those of the whole run: it catches up, and
 * the delay shows as send lag and as {@link #lateMicros}, which the merge judges.
 *
 * <p>Clocks: agents on one machine share its clock; on several machines the instant is only as common
 * as their clocks are synchronised (NTP/PTP; docs/DISTRIBUTED.md).
 */
public final class StartGate {

    /** The gate parks until this close to the instant, then spins: parking wakes late by up to a tick. */
    static final long SPIN_NANOS = 2_000_000L;

    private final long startAtEpochMicros;
    private final Clock clock;
    private long openedEpochMicros;

    private StartGate(long startAtEpochMicros, Clock clock) {
        this.startAtEpochMicros = startAtEpochMicros;
        this.clock = clock;
    }

    /** The schedule starts as soon as the connections are up. */
    public static StartGate now() {
        return new StartGate(0, Clock.systemUTC());
    }

    /** The schedule starts at {@code startAtEpochMillis}, milliseconds since the epoch. */
    public static StartGate at(long startAtEpochMillis) {
        return at(startAtEpochMillis, Clock.systemUTC());
    }

    /** As {@link #at(long)}, reading wall-clock time from {@code clock}. */
    static StartGate at(long startAtEpochMillis, Clock clock) {
        if (startAtEpochMillis <= 0) {
            throw new IllegalArgumentException("the start instant must be milliseconds since the epoch, was "
                    + startAtEpochMillis);
        }
        return new StartGate(startAtEpochMillis * 1_000, clock);
    }

    /**
     * Waits for the start instant (if any) and returns the schedule's time zero on the {@link System#nanoTime}
     * scale; for a late agent that zero lies in the past. Controller thread, once.
     */
    long open() {
        if (startAtEpochMicros == 0) {
            long zero = System.nanoTime();
            openedEpochMicros = epochMicros(clock.instant());
            return zero;
        }
        while (true) {
            long leftNanos = (startAtEpochMicros - epochMicros(clock.instant())) * 1_000;
            if (leftNanos <= 0) {
                break;
            }
            if (leftNanos > SPIN_NANOS) {
                LockSupport.parkNanos(this, leftNanos - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
        long nowNanos = System.nanoTime();
        openedEpochMicros = epochMicros(clock.instant());
        return nowNanos - (openedEpochMicros - startAtEpochMicros) * 1_000;
    }

    /** The common start instant, microseconds since the epoch; 0 when the run starts at once. */
    public long startAtEpochMicros() {
        return startAtEpochMicros;
    }

    /** When {@link #open} let the run through, microseconds since the epoch; 0 before. */
    public long openedEpochMicros() {
        return openedEpochMicros;
    }

    /** How long after the common instant the gate opened, microseconds; 0 without an instant. */
    public long lateMicros() {
        return startAtEpochMicros == 0 ? 0 : openedEpochMicros - startAtEpochMicros;
    }

    private static long epochMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }
}
