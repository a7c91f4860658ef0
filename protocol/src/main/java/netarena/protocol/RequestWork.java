package netarena.protocol;

import java.util.concurrent.locks.LockSupport;

/**
 * The work behind each op, written once for every model and protocol. Pure functions except
 * {@link #sleepMicros}, which parks the calling thread: that is the point of BLOCK.
 */
public final class RequestWork {

    /** CPU rounds above this are BAD_REQUEST (about one second of work). */
    public static final long MAX_CPU_UNITS = 1_000_000_000L;
    /** DELAY and BLOCK above this many microseconds (10 s) are BAD_REQUEST. */
    public static final long MAX_WAIT_MICROS = 10_000_000L;

    /*
     * Deliberately not final: as compile-time constants, C2 unrolls the loop and folds
     * (x * a + c) * a + c into x * a^2 + (a * c + c), making a "unit" about 12x cheaper than the
     * multiply-add chain it is meant to be (measured: 0.08 ns instead of ~1 ns per unit). Loaded once
     * per call as plain values, the chain stays a chain.
     */
    /** CPU units between two looks at the thread's interrupt flag: about a millisecond (1.3 ns a unit). */
    static final long INTERRUPT_CHECK_UNITS = 1L << 20;

    private static long lcgMultiplier = 0x5851F42D4C957F2DL;
    private static long lcgIncrement = 0x14057B7EF767814FL;
    private static final byte[] EMPTY = new byte[0];

    private RequestWork() {
    }

    /** Nominal CPU time of one CPU unit, in nanoseconds: the declared cost, not a measurement. */
    public static final long CPU_UNIT_NANOS = 1;

    /**
     * The thread time a valid request declares it will hold, in microseconds: BLOCK its arg, CPU its units
     * at {@link #CPU_UNIT_NANOS} each; ECHO and DELAY (which holds no thread: a timer answers it) zero. What a
     * server schedules fairly and bounds per connection.
     */
    public static long declaredMicros(Request request) {
        return switch (request.op()) {
            case BLOCK -> request.arg();
            case CPU -> request.arg() * CPU_UNIT_NANOS / 1_000;
            case ECHO, DELAY -> 0;
        };
    }

    /** True for the ops that hold the running thread for their declared time (CPU, BLOCK). */
    public static boolean holdsThread(Op op) {
        return op == Op.CPU || op == Op.BLOCK;
    }

    /** The BAD_REQUEST answer for an unknown op or an argument out of range, or null when the request is valid. */
    public static Response rejection(Request request) {
        Op op = request.op();
        if (op == null) {
            return Response.of(Status.BAD_REQUEST, request.id());
        }
        boolean inRange = switch (op) {
            case ECHO -> true;
            case CPU -> request.arg() <= MAX_CPU_UNITS;
            case DELAY, BLOCK -> request.arg() <= MAX_WAIT_MICROS;
        };
        return inRange ? null : Response.of(Status.BAD_REQUEST, request.id());
    }

    /**
     * Runs a valid request on the calling thread and returns its answer. DELAY sleeps here too: only
     * models that own a thread per connection call this for DELAY; event-loop models use a timer and
     * {@link #delayDone}.
     */
    public static Response run(Request request) {
        return switch (request.op()) {
            case ECHO -> new Response(Status.OK, request.id(), request.payload());
            case CPU -> new Response(Status.OK, request.id(), u64(cpu(request.id(), request.arg())));
            case DELAY, BLOCK -> {
                sleepMicros(request.arg());
                yield new Response(Status.OK, request.id(), EMPTY);
            }
        };
    }

    /** The answer to a DELAY whose timer has fired. */
    public static Response delayDone(Request request) {
        return new Response(Status.OK, request.id(), EMPTY);
    }

    /**
     * {@code x = seed; repeat units times: x = x * 0x5851F42D4C957F2D + 0x14057B7EF767814F (mod 2^64)}. Stops
     * early, with an unfinished value, once the calling thread is interrupted (looked at every
     * {@link #INTERRUPT_CHECK_UNITS} units): a server that stops ends its CPU work as it ends a BLOCK, so that
     * work nobody will read does not hold a thread, or a virtual thread's carrier, after the stop.
     */
    public static long cpu(long seed, long units) {
        long multiplier = lcgMultiplier;
        long increment = lcgIncrement;
        long x = seed;
        for (long done = 0; done < units; ) {
            long end = Math.min(units, done + INTERRUPT_CHECK_UNITS);
            for (long i = done; i < end; i++) {
                x = x * multiplier + increment;
            }
            done = end;
            if (done < units && Thread.currentThread().isInterrupted()) {
                return x;
            }
        }
        return x;
    }

    /** Parks the calling thread for at least {@code micros} microseconds, ignoring spurious wake-ups. */
    public static void sleepMicros(long micros) {
        long deadline = System.nanoTime() + micros * 1_000L;
        for (long left = micros * 1_000L; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static byte[] u64(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
}
