package netarena.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import netarena.protocol.Op;
import netarena.protocol.Status;

/**
 * The counters of one server. Written by any thread without locks (LongAdder); read as a {@link Snapshot}.
 */
public final class ServerStats {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder closedIdle = new LongAdder();
    private final LongAdder closedSlow = new LongAdder();
    private final LongAdder acceptFailed = new LongAdder();
    private final LongAdder memoryPauses = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final LongAdder heldNanos = new LongAdder();
    private final LongAdder held = new LongAdder();
    private volatile LongSupplier heldBytes = () -> 0;
    private volatile IntSupplier workerThreads = () -> 0;
    private volatile IntSupplier workerThreadsPeak = () -> 0;
    private final ServiceTimeHistogram serviceTimes = new ServiceTimeHistogram();
    /** [op code 0..4, 0 for unknown][status code]. */
    private final LongAdder[][] requests = new LongAdder[Op.values().length + 1][Status.values().length];

    public ServerStats() {
        for (LongAdder[] row : requests) {
            for (int s = 0; s < row.length; s++) {
                row[s] = new LongAdder();
            }
        }
    }

    /** Counts an accepted connection as open unless {@code max} are open already; false means refuse it. */
    public boolean tryOpen(int max) {
        for (int now = open.get(); now < max; now = open.get()) {
            if (open.compareAndSet(now, now + 1)) {
                accepted.increment();
                return true;
            }
        }
        return false;
    }

    public void connectionClosed() {
        open.decrementAndGet();
        closed.increment();
    }

    public void connectionRefused() {
        refused.increment();
    }

    public int openConnections() {
        return open.get();
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public void protocolError() {
        protocolErrors.increment();
    }

    /** A whole request was read and handed on (answered or not yet). */
    public void received() {
        received.increment();
    }

    /** The idle timeout closed a connection. */
    public void closedIdle() {
        closedIdle.increment();
    }

    /** The header timeout ended a connection whose request was not whole in time. */
    public void closedSlow() {
        closedSlow.increment();
    }

    /** An accept failed (file descriptors exhausted, say). */
    public void acceptFailed() {
        acceptFailed.increment();
    }

    /** A connection stopped reading because the server-wide memory budget was spent. */
    public void memoryPause() {
        memoryPauses.increment();
    }

    /** A connection was closed to give back memory while the budget stayed spent. */
    public void shed() {
        shed.increment();
    }

    /**
     * A thread (a worker, or the I/O or connection thread that ran the request itself) was held
     * {@code nanos} by one request's work: the service time as the server sees it, without the round
     * trip, the wake-ups and the hand-offs a client's latency also holds. A DELAY on the timer holds none.
     */
    public void threadHeld(long nanos) {
        heldNanos.add(nanos);
        held.increment();
    }

    /** Where {@link Snapshot#heldBytes} is read from: the server's memory budget. */
    public void heldBytesFrom(LongSupplier gauge) {
        heldBytes = gauge;
    }

    /**
     * Where {@link Snapshot#workerThreads} and {@link Snapshot#workerThreadsPeak} are read from: the worker
     * pool, whatever its kind.
     */
    public void workerThreadsFrom(IntSupplier now, IntSupplier peak) {
        workerThreads = now;
        workerThreadsPeak = peak;
    }

    /** An answered request, held {@code serviceNanos} from being read whole to its answer being handed on. */
    public void request(int opCode, Status status, long serviceNanos) {
        Op op = Op.fromCode(opCode);
        requests[op == null ? 0 : op.code()][status.code()].increment();
        serviceTimes.record(serviceNanos);
    }

    public Snapshot snapshot() {
        Map<String, Long> byOpStatus = new LinkedHashMap<>();
        for (int o = 0; o < requests.length; o++) {
            String opName = o == 0 ? "unknown" : Op.fromCode(o).label();
            for (Status s : Status.values()) {
                long n = requests[o][s.code()].sum();
                if (n > 0) {
                    byOpStatus.put(opName + "/" + s.name(), n);
                }
            }
        }
        return new Snapshot(accepted.sum(), open.get(), refused.sum(), closed.sum(), bytesIn.sum(), bytesOut.sum(),
                protocolErrors.sum(), received.sum(), closedIdle.sum(), closedSlow.sum(), acceptFailed.sum(),
                memoryPauses.sum(), shed.sum(), heldBytes.getAsLong(), held.sum(), heldNanos.sum(),
                workerThreads.getAsInt(), workerThreadsPeak.getAsInt(), Map.copyOf(byOpStatus),
                serviceTimes.snapshot());
    }

    /**
     * @param received           whole requests read and handed on; once nothing is in flight it equals
     *                           {@link #totalRequests()}, the answered ones
     * @param closedIdle         connections the idle timeout closed
     * @param closedSlow         connections the header timeout ended (a request begun and not whole in time)
     * @param acceptFailed       accepts that failed (file descriptors exhausted, say)
     * @param memoryPauses       times a connection stopped reading because the server-wide memory budget was spent
     * @param shed               connections closed to give back memory while the budget stayed spent
     * @param heldBytes          bytes held for connections now (partial requests, unanswered requests, unsent
     *                           answers), as counted against {@code maxBufferedBytes}
     * @param threadHeldRequests requests whose work held a thread (every one but timer DELAYs and rejections)
     * @param threadHeldNanos    the total time those requests held their thread, nanoseconds
     * @param workerThreads      the threads of the worker pool now (platform workers, ForkJoinPool workers, or
     *                           virtual threads running a task); 0 with no pool
     * @param workerThreadsPeak  the most the worker pool has held at once
     * @param requestsByOpStatus answered requests keyed {@code op/STATUS}, e.g. {@code echo/OK}, {@code unknown/BAD_REQUEST}
     * @param serviceTime        how long the server held the answered requests (read whole to answer handed on)
     */
    public record Snapshot(long accepted, int open, long refused, long closed, long bytesIn, long bytesOut,
            long protocolErrors, long received, long closedIdle, long closedSlow, long acceptFailed, long memoryPauses,
            long shed, long heldBytes, long threadHeldRequests, long threadHeldNanos, int workerThreads,
            int workerThreadsPeak, Map<String, Long> requestsByOpStatus, ServiceTimeHistogram.Snapshot serviceTime) {

        /** The mean time one request held a thread, microseconds: the service time queueing models need; NaN before any. */
        public double meanServiceMicros() {
            return threadHeldRequests == 0 ? Double.NaN : threadHeldNanos / 1e3 / threadHeldRequests;
        }

        public long requests(Op op, Status status) {
            return requestsByOpStatus.getOrDefault(op.label() + "/" + status.name(), 0L);
        }

        public long totalRequests() {
            return requestsByOpStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
