package netarena.server.core;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * Decides which thread runs a request, the same way for every model:
 * <ul>
 *   <li>invalid requests are answered BAD_REQUEST at once, on the calling thread;</li>
 *   <li>DELAY is answered by a timer thread without holding any thread while it waits, unless the model
 *       owns a thread per connection ({@link DelayMode#SLEEP}), whose connection thread then simply sleeps;
 *       a DELAY that finds the timer holding its maximum is answered BUSY;</li>
 *   <li>with {@code --workers N}, ECHO, CPU and BLOCK run on the N workers;</li>
 *   <li>without, ECHO runs on the calling (I/O) thread, and CPU and BLOCK, which hold the thread that runs
 *       them, on {@link #OFFLOAD_THREADS} workers of their own: never on an I/O thread, where one connection's
 *       BLOCK would stall every connection of that thread, accept included. {@code runWorkOnIoThreads} runs
 *       them on the I/O thread instead: the anti-pattern the first version of every model had, kept to
 *       measure it;</li>
 *   <li>the workers are a pool of the configured kind ({@link netarena.server.WorkerPoolKind}): fixed, elastic,
 *       work-stealing or virtual; the offload workers too;</li>
 *   <li>workers serve connections in turn ({@link FairWorkPool}); a request past its connection's bound
 *       ({@link WorkLane}) or finding the worker queue full is answered BUSY. Work run on the I/O thread
 *       has the same per-connection bound.</li>
 * </ul>
 * The answer goes back through {@link Connection#complete}, from whichever thread produced it.
 */
public final class RequestDispatcher implements AutoCloseable {

    /** How a model wants DELAY served. */
    public enum DelayMode {
        /** From a timer: event-loop models, where sleeping would stall every connection on the loop. */
        TIMER,
        /** By sleeping on the thread that runs the request: models that own a thread per connection. */
        SLEEP
    }

    /** Workers for CPU and BLOCK when {@code --workers} is 0: as many as cores, at least 2. */
    static final int OFFLOAD_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final DelayMode delayMode;
    private final long testCostNanos;
    /** Where CPU and BLOCK run: the workers, the offload workers, or null for the calling thread. */
    private final FairWorkPool pool;
    /** True when ECHO runs on {@link #pool} too ({@code --workers N}); false runs it on the calling thread. */
    private final boolean echoOnPool;
    private final ScheduledThreadPoolExecutor timer;
    /**
     * The timer's queue is the one queue a client fills without holding a thread or sending payload: a
     * DELAY pipelined by the thousand on every connection would otherwise grow it until the heap is gone.
     */
    private final int maxTimers;
    private final AtomicInteger timers = new AtomicInteger();
    private final ServerStats stats;

    /**
     * @param threads        the workers, their queue, their pool kind, and whether CPU and BLOCK may run on the
     *                       calling thread ({@code runWorkOnIoThreads}, the anti-pattern)
     * @param testCostMicros CPU burnt on every request before its work: a test-only knob that makes a
     *                       build measurably slower on purpose (A/B regression tests); 0 otherwise
     * @param maxTimers      DELAYs waiting on the timer at once, server-wide; past it a DELAY is answered BUSY,
     *                       as a request that finds the worker queue full is
     * @param stats          where the time each request holds a thread is counted ({@link ServerStats#threadHeld}),
     *                       and where the pool's threads are read from
     */
    public RequestDispatcher(ServerConfig.Threads threads, DelayMode delayMode, String namePrefix,
            long testCostMicros, int maxTimers, ServerStats stats) {
        this.stats = stats;
        this.maxTimers = maxTimers;
        this.delayMode = delayMode;
        this.testCostNanos = testCostMicros * 1_000L;
        this.echoOnPool = threads.workers() > 0;
        if (echoOnPool) {
            this.pool = FairWorkPool.create(threads.pool(), threads.workers(), threads.workerQueue(),
                    namePrefix + "-worker");
        } else if (threads.runWorkOnIoThreads()) {
            this.pool = null;
        } else {
            this.pool = FairWorkPool.create(threads.pool(), OFFLOAD_THREADS, threads.workerQueue(),
                    namePrefix + "-offload");
        }
        if (pool != null) {
            stats.workerThreadsFrom(pool::threads, pool::peakThreads);
        }
        if (delayMode == DelayMode.TIMER) {
            this.timer = new ScheduledThreadPoolExecutor(1, NamedThreads.platform(namePrefix + "-timer"));
            this.timer.setRemoveOnCancelPolicy(true);
        } else {
            this.timer = null;
        }
    }

    /** True when answers may come from threads other than the connection's reading thread's own work. */
    public boolean hasWorkers() {
        return pool != null;
    }

    /**
     * Runs or schedules {@code request}, read whole at {@code receivedNanos} ({@link System#nanoTime}); its
     * answer reaches {@code connection.complete(seq, ..., receivedNanos)}.
     */
    public void dispatch(Connection connection, long seq, Request request, long receivedNanos) {
        if (testCostNanos > 0) {
            burn(testCostNanos);
        }
        Response rejection = RequestWork.rejection(request);
        if (rejection != null) {
            connection.complete(seq, request, rejection, receivedNanos);
            return;
        }
        if (request.op() == Op.DELAY) {
            if (delayMode == DelayMode.TIMER) {
                if (timers.incrementAndGet() > maxTimers) {
                    timers.decrementAndGet();
                    connection.complete(seq, request, Response.of(Status.BUSY, request.id()), receivedNanos);
                    return;
                }
                timer.schedule(() -> {
                    timers.decrementAndGet();
                    connection.complete(seq, request, RequestWork.delayDone(request), receivedNanos);
                }, request.arg(), TimeUnit.MICROSECONDS);
            } else {
                // the connection owns its thread: sleeping there costs no one else (a worker would)
                connection.complete(seq, request, timed(request), receivedNanos);
            }
            return;
        }
        long declared = RequestWork.declaredMicros(request);
        FairWorkPool runOn = RequestWork.holdsThread(request.op()) || echoOnPool ? pool : null;
        if (runOn == null) {
            boolean admitted = connection.workLane().admitsInline(declared);
            Response answer = admitted ? timed(request) : Response.of(Status.BUSY, request.id());
            connection.complete(seq, request, answer, receivedNanos);
            return;
        }
        Runnable work = () -> connection.complete(seq, request, timed(request), receivedNanos);
        if (!runOn.submit(connection.workLane(), work, declared)) {
            connection.complete(seq, request, Response.of(Status.BUSY, request.id()), receivedNanos);
        }
    }

    /** Spins on the calling thread: a cost that shows in CPU per request and in throughput alike. */
    private static void burn(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Runs the request's work on this thread and counts how long it held the thread. */
    private Response timed(Request request) {
        long start = System.nanoTime();
        try {
            return runSafely(request);
        } finally {
            stats.threadHeld(System.nanoTime() - start);
        }
    }

    /** A fault in one request answers that request BAD_REQUEST and disturbs nothing else. */
    private static Response runSafely(Request request) {
        try {
            return RequestWork.run(request);
        } catch (RuntimeException e) {
            return Response.of(Status.BAD_REQUEST, request.id());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
