package netarena.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event loop of the generator and the connections it owns. Everything here runs on that loop's
 * thread, except the fields the controller reads: {@link #counters}, {@link #recorders},
 * {@link #outstanding} and the finish figures, which it reads after {@link #finish} ran.
 *
 * <p>Open loop: the pacer keeps the loop's connections in a heap ordered by their next intended send
 * time, sends every request whose time has come (catching up, never skipping), and schedules itself on
 * the event loop for the earliest next one. A connection that is down leaves the heap; its requests
 * keep falling due and go out, late and counted from their intended time, once it is back.
 *
 * <p>Closed loop: each connection refills its pipeline when answers arrive; there is no pacer.
 */
final class LoadLoop {

    final EventLoop eventLoop;
    final LoadPlan plan;
    final RunControl control;
    final ClientProtocol.Factory protocols;
    final LoadCounters counters = new LoadCounters();
    final LatencyRecorder recorders = new LatencyRecorder();
    /** Requests outstanding on this loop's connections; written by the loop, read by the controller. */
    final AtomicLong outstanding = new AtomicLong();
    final long timeoutNanos;
    private final Bootstrap bootstrap;
    private final InetSocketAddress target;
    private final ConnectListener connectListener;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final List<String> mismatchSamples = new ArrayList<>();

    private final PriorityQueue<LoadConnection> due =
            new PriorityQueue<>(Comparator.comparingLong(LoadConnection::nextDueNanos));
    private final Runnable paceTask = this::pace;
    private ScheduledFuture<?> wake;
    private long wakeAtNanos = Long.MAX_VALUE;
    private boolean running;
    private boolean finished;

    /** Set by {@link #finish}; read by the controller once finish has run. */
    volatile FinishFigures finishFigures;

    /** Told, on the event loop, when a connection opens or fails to open before the run starts. */
    interface ConnectListener {
        void established(LoadConnection connection);

        void failed(LoadConnection connection, Throwable cause);
    }

    /** What a loop reports when it finishes. */
    record FinishFigures(long inFlight, long inFlightWarmup, long unsentBehindSchedule, int openAtEnd,
            List<String> mismatchSamples) {
    }

    LoadLoop(EventLoop eventLoop, Bootstrap bootstrap, InetSocketAddress target, LoadPlan plan, RunControl control,
            ClientProtocol.Factory protocols, ConnectListener connectListener) {
        this.eventLoop = eventLoop;
        this.bootstrap = bootstrap;
        this.target = target;
        this.plan = plan;
        this.control = control;
        this.protocols = protocols;
        this.connectListener = connectListener;
        this.timeoutNanos = plan.timeout().toNanos();
    }

    /** Before the loop runs anything: the connections it will own. */
    void add(LoadConnection connection) {
        connections.add(connection);
    }

    /** On the event loop: opens every connection. */
    void connectAll() {
        for (LoadConnection c : connections) {
            c.connect();
        }
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    InetSocketAddress target() {
        return target;
    }

    /** True once the run has started (connection failures then reconnect rather than fail the run). */
    boolean running() {
        return running;
    }

    boolean finished() {
        return finished;
    }

    /** On the event loop: the run starts; the clock marks in {@link #control} are set. */
    void start() {
        running = true;
        long sweepNanos = Math.clamp(timeoutNanos / 20, 1_000_000L, 250_000_000L);
        eventLoop.scheduleAtFixedRate(this::sweep, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        for (LoadConnection c : connections) {
            c.start();
        }
        if (plan.openLoop()) {
            pace();
        }
    }

    void connectionUp(LoadConnection c) {
        if (!running) {
            connectListener.established(c);
            return;
        }
        c.resume();
    }

    void connectFailedBeforeStart(LoadConnection c, Throwable cause) {
        connectListener.failed(c, cause);
    }

    /** Open loop: a connection is ready to send; its due requests go out at once. */
    void schedule(LoadConnection c) {
        due.add(c);
        wakeAt(c.nextDueNanos());
    }

    /** Open loop: a connection went down. */
    void unschedule(LoadConnection c) {
        due.remove(c);
    }

    private void pace() {
        wake = null;
        wakeAtNanos = Long.MAX_VALUE;
        if (finished || control.sendingStopped()) {
            return;
        }
        long limit = Math.min(System.nanoTime(), control.sendEndNanos - 1);
        LoadConnection c;
        while ((c = due.peek()) != null && c.nextDueNanos() <= limit) {
            due.poll();
            if (!c.sendDue(limit)) {
                return; // the request budget is spent: this loop sends no more
            }
            due.add(c);
        }
        if (c != null && c.nextDueNanos() < control.sendEndNanos) {
            wakeAt(c.nextDueNanos());
        }
    }

    private void wakeAt(long nanos) {
        if (wake != null) {
            if (wakeAtNanos <= nanos) {
                return;
            }
            wake.cancel(false);
        }
        wakeAtNanos = nanos;
        wake = eventLoop.schedule(paceTask, nanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void sweep() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        for (LoadConnection c : connections) {
            c.expire(now);
        }
    }

    void sampleMismatch(String detail) {
        if (mismatchSamples.size() < 10) {
            mismatchSamples.add(detail);
        }
    }

    /** On the event loop: stops everything, tallies what is left and closes the connections. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (wake != null) {
            wake.cancel(false);
        }
        long inFlight = 0;
        long inFlightWarmup = 0;
        long unsent = 0;
        int open = 0;
        long stopAt = Math.min(control.sendEndNanos, control.sendStoppedAtNanos());
        for (LoadConnection c : connections) {
            inFlight += c.outstandingMeasured();
            inFlightWarmup += c.outstandingWarmup();
            if (plan.openLoop() && !control.budgetSpent()) {
                unsent += c.countUnsentBefore(stopAt);
            }
            open += c.finish() ? 1 : 0;
        }
        finishFigures = new FinishFigures(inFlight, inFlightWarmup, unsent, open, List.copyOf(mismatchSamples));
    }
}
