package netarena.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * One event loop of the generator and the connections it owns. Everything here runs on that loop's
 * thread, except what the controller reads: {@link #stats} at any time, and the finish figures after
 * {@link #finish} ran. Its connections see it only as their {@link ConnectionOwner}.
 *
 * <p>Open loop: the pacer keeps the loop's connections in a heap ordered by their next intended send
 * time, sends every request whose time has come (catching up, never skipping), and schedules itself on
 * the event loop for the earliest next one. A connection that is down leaves the heap; its requests
 * keep falling due and go out, late and counted from their intended time, once it is back.
 *
 * <p>Closed loop: each connection refills its pipeline when answers arrive; there is no pacer.
 */
final class LoadLoop implements ConnectionOwner {

    final EventLoop eventLoop;
    final LoopStats stats = new LoopStats();
    private final LoadPlan plan;
    private final RunControl control;
    private final ClientProtocol.Factory protocols;
    private final long timeoutNanos;
    private final Bootstrap bootstrap;
    private final InetSocketAddress target;
    private final ConnectListener connectListener;
    private final List<LoadConnection> connections = new ArrayList<>();

    private final PriorityQueue<LoadConnection> due =
            new PriorityQueue<>(Comparator.comparingLong(LoadConnection::nextDueNanos));
    private final Runnable paceTask = this::pace;
    private final long spinNanos;
    /** The timed wake-up of the pacer, or null. */
    private ScheduledFuture<?> wake;
    /** The pacer is in the event loop's task queue: it runs after the loop's next I/O check, untimed. */
    private boolean paceQueued;
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

        static final FinishFigures NONE = new FinishFigures(0, 0, 0, 0, List.of());
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
        this.timeoutNanos = plan.bounds().timeout().toNanos();
        this.spinNanos = plan.limits().spin().toNanos();
    }

    /** Before the loop runs anything: makes the connection of this slot, which the loop will own. */
    void addConnection(int slot) {
        connections.add(new LoadConnection(slot, plan, this, stats, control));
    }

    /** On the event loop: opens every connection. */
    void connectAll() {
        for (LoadConnection c : connections) {
            c.connect();
        }
    }

    @Override
    public ChannelFuture open(ChannelHandler handler) {
        return bootstrap.clone().handler(handler).connect(target);
    }

    @Override
    public void later(Runnable task, long delayNanos) {
        eventLoop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public ClientProtocol newProtocol() {
        return protocols.newConnection();
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    /** On the event loop: the run starts; the clock marks in {@link #control} are set. */
    void start() {
        running = true;
        TimerSlack.minimise(); // the pacer's timed waits end on time, not up to 50 us late
        long sweepNanos = Math.clamp(timeoutNanos / 20, 1_000_000L, 250_000_000L);
        eventLoop.scheduleAtFixedRate(this::sweep, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        for (LoadConnection c : connections) {
            c.start();
        }
        if (plan.openLoop()) {
            pace();
        }
    }

    /** On the event loop: an open loop's warmup at full speed is over; every connection follows its schedule. */
    void beginPacing() {
        if (finished) {
            return;
        }
        for (LoadConnection c : connections) {
            c.beginPacing();
        }
        pace();
    }

    @Override
    public void connectionUp(LoadConnection c) {
        if (!running) {
            connectListener.established(c);
            return;
        }
        c.resume();
    }

    @Override
    public void connectFailedBeforeStart(LoadConnection c, Throwable cause) {
        connectListener.failed(c, cause);
    }

    /** Open loop: a connection is ready to send; its due requests go out at once. */
    @Override
    public void schedule(LoadConnection c) {
        due.add(c);
        wakeAt(c.nextDueNanos());
    }

    @Override
    public void unschedule(LoadConnection c) {
        due.remove(c);
    }

    private void pace() {
        wake = null;
        paceQueued = false;
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

    /**
     * Runs the pacer by {@code nanos}. More than the spin ahead, a timed wait (one timer task per sleep);
     * within it, the pacer goes into the loop's task queue, so the loop checks its sockets without blocking
     * and runs the pacer again (no allocation, no timer) until the send is due.
     */
    private void wakeAt(long nanos) {
        if (paceQueued) {
            return; // it runs at once and re-arms from the heap
        }
        if (wake != null) {
            if (wakeAtNanos <= nanos) {
                return;
            }
            wake.cancel(false);
            wake = null;
        }
        wakeAtNanos = nanos;
        long sleepNanos = nanos - spinNanos - System.nanoTime();
        if (sleepNanos > 0) {
            wake = eventLoop.schedule(paceTask, sleepNanos, TimeUnit.NANOSECONDS);
        } else {
            paceQueued = true;
            eventLoop.execute(paceTask);
        }
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
        finishFigures = new FinishFigures(inFlight, inFlightWarmup, unsent, open, stats.mismatchSamples());
    }
}
