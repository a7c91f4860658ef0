package netarena.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import netarena.protocol.ProtocolException;

/**
 * One connection slot of a run: it opens a channel, sends, verifies and times answers, and when the
 * channel fails it counts why and opens another. Everything runs on its {@link LoadLoop}'s event loop.
 *
 * <p>Request ids are {@code (slot + 1) << 40 | seq}: the slot in the high bits (so an answer that
 * strays to another connection names nothing outstanding there) and a sequence number that never
 * repeats within the slot, across reconnects too.
 *
 * <p>A channel that closes unannounced counts {@code closed}, and what was outstanding on it {@code lost}.
 * A server that announces its close ({@link ClientProtocol#serverClosing}, HTTP's {@code Connection:
 * close}) has read nothing after the answer that said so: the slot closes its side at once, reopens, and
 * sends what is outstanding again, in order and under the same ids. Their latency still counts from the
 * intended send time, and their timeout and service time from the first write.
 */
final class LoadConnection implements ClientProtocol.AnswerSink {

    static final int SEQ_BITS = 40;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
    private static final long MAX_BACKOFF_NANOS = 500_000_000L;
    /**
     * Timed-out requests remembered across all connections (about 17 bytes each, so at most ~70 MB
     * against a silent server), so that their late answers are told from stray ones.
     */
    private static final int TIMED_OUT_HELD_PER_RUN = 1 << 22;

    private final ConnectionOwner owner;
    private final LoopStats stats;
    private final RunControl control;
    private final long timeoutNanos;
    private final long idBase;
    private final OutstandingWindow window;
    private final SendSchedule schedule;
    private final int pipeline;
    /** Sending by the schedule: open loop, once a warmup at full speed (closed loop) is over. */
    private boolean pacing;

    private Channel channel;
    private ClientProtocol protocol;
    private boolean active;
    private boolean closingOnPurpose;
    private boolean everEstablished;
    private boolean finished;
    private boolean wroteSinceFlush;
    private int failuresInARow;
    private long connectStartedNanos;
    private long nextDueNanos = Long.MAX_VALUE;

    LoadConnection(int slot, LoadPlan plan, ConnectionOwner owner, LoopStats stats, RunControl control) {
        this.owner = owner;
        this.stats = stats;
        this.control = control;
        this.timeoutNanos = plan.bounds().timeout().toNanos();
        this.idBase = (long) (slot + 1) << SEQ_BITS;
        int connections = plan.limits().connections();
        this.pipeline = plan.shape().pipeline();
        this.window = new OutstandingWindow(plan.openLoop() ? 16 : pipeline,
                Math.max(1 << 10, TIMED_OUT_HELD_PER_RUN / connections));
        this.schedule = plan.openLoop()
                ? plan.limits().slice().schedule(plan, slot)
                : null;
        this.pacing = schedule != null && !plan.warmsUpAtFullSpeed();
    }

    long nextDueNanos() {
        return nextDueNanos;
    }

    void connect() {
        connectStartedNanos = System.nanoTime();
        ChannelFuture f = owner.open(new Handler());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                connectFailed(done.cause());
            }
        });
    }

    private void connectFailed(Throwable cause) {
        stats.count(Count.CONNECT_FAILED);
        if (!owner.running()) {
            owner.connectFailedBeforeStart(this, cause);
            return;
        }
        reconnectLater();
    }

    /**
     * Reconnects at once after the first failure, then backs off (10 ms doubling up to 500 ms) until an
     * answer arrives: a server that refuses, or accepts and closes at once, is not hammered.
     */
    private void reconnectLater() {
        if (finished || owner.finished()) {
            return;
        }
        long delay = failuresInARow == 0 ? 0 : Math.min(MAX_BACKOFF_NANOS, 5_000_000L << Math.min(failuresInARow, 10));
        failuresInARow++;
        owner.later(() -> {
            if (!finished && !owner.finished()) {
                connect();
            }
        }, delay);
    }

    private void established(Channel ch) {
        channel = ch;
        protocol = owner.newProtocol();
        active = true;
        closingOnPurpose = false;
        boolean first = !everEstablished;
        stats.connected(System.nanoTime() - connectStartedNanos, !first);
        everEstablished = true;
        if (window.outstanding() > 0) {
            resendOutstanding();
        }
        if (first || owner.running()) {
            owner.connectionUp(this);
        }
    }

    /** After the server announced its close: what it never read goes out again on the new channel. */
    private void resendOutstanding() {
        window.forEachOutstanding((seq, warmup) -> {
            ByteBuf buf = channel.alloc().ioBuffer(protocol.requestBytes());
            protocol.encode(idBase | seq, buf);
            channel.write(buf, channel.voidPromise());
            stats.count(Count.RESENT, warmup);
        });
        wroteSinceFlush = true;
        flush();
    }

    /**
     * The server said it closes after the answer just read: not an error. Its side will close; ours closes
     * now, and the slot reopens at once (the answer was fine, so no backoff) keeping what is outstanding.
     */
    private void serverClosed() {
        Channel old = channel;
        active = false;
        channel = null;
        wroteSinceFlush = false;
        if (schedule != null) {
            owner.unschedule(this);
        }
        stats.count(Count.SERVER_CLOSED);
        old.close(); // its channelInactive is then a stale channel's, ignored by lost()
        reconnectLater();
    }

    /**
     * The run starts: open loop takes its first intended time; closed loop, and an open loop warming up at
     * full speed, fill the pipeline.
     */
    void start() {
        if (pacing) {
            nextDueNanos = control.scheduleOriginNanos + schedule.next();
        }
        if (active) {
            resume();
        }
    }

    /**
     * The connection is usable (again) during the run. Open loop: requests that fell due while it was
     * down go out now, late and timed from their intended time, except those intended more than the
     * timeout ago: they are counted unsent instead, so an outage does not end in a burst of requests
     * that are already timeouts (and memory stays bounded by rate times timeout).
     */
    void resume() {
        if (pacing) {
            if (nextDueNanos != Long.MAX_VALUE) {
                long stale = Math.min(System.nanoTime() - timeoutNanos, control.sendEndNanos);
                while (nextDueNanos < stale && !control.budgetSpent()) {
                    stats.count(Count.UNSENT, nextDueNanos < control.warmupEndNanos);
                    nextDueNanos = control.scheduleOriginNanos + schedule.next();
                }
                owner.schedule(this);
            }
        } else {
            fill();
        }
    }

    private void lost(Channel ch) {
        if (ch != channel || finished) {
            return; // a stale channel, or the end of the run: finish() has tallied what was outstanding
        }
        active = false;
        channel = null;
        if (schedule != null) {
            owner.unschedule(this);
        }
        window.clear((warmup, intended) -> stats.settled(Count.LOST, warmup));
        if (!closingOnPurpose) {
            stats.count(Count.CLOSED);
        }
        reconnectLater();
    }

    /**
     * Open loop: sends every request intended at or before {@code limitNanos}, then flushes.
     *
     * @return false when the request budget ran out: the loop stops pacing
     */
    boolean sendDue(long limitNanos) {
        boolean more = true;
        while (nextDueNanos <= limitNanos) {
            boolean warmup = nextDueNanos < control.warmupEndNanos;
            if (!warmup && !control.takePermit()) {
                more = false;
                break;
            }
            send(nextDueNanos, System.nanoTime(), warmup);
            nextDueNanos = control.scheduleOriginNanos + schedule.next();
        }
        flush();
        return more;
    }

    /** Closed loop: tops the pipeline up to its depth while the run sends. */
    private void fill() {
        while (active && window.outstanding() < pipeline && !control.sendingStopped() && owner.running()
                && !finished) {
            long now = System.nanoTime();
            if (now >= control.sendEndNanos) {
                break;
            }
            boolean warmup = now < control.warmupEndNanos;
            if (!warmup && (schedule != null || !control.takePermit())) {
                break; // an open loop's warmup at full speed is over: the schedule sends from here
            }
            send(now, now, warmup);
        }
        flush();
    }

    /**
     * The warmup at full speed is over: from now on requests follow the schedule, counted from the
     * controller's origin. On the event loop; a connection that is down takes up the schedule when it is
     * back ({@link #resume}).
     */
    void beginPacing() {
        if (pacing || schedule == null || finished) {
            return;
        }
        pacing = true;
        nextDueNanos = control.scheduleOriginNanos + schedule.next();
        if (active) {
            owner.schedule(this);
        }
    }

    private void send(long intendedNanos, long nowNanos, boolean warmup) {
        long seq = window.add(intendedNanos, nowNanos, warmup);
        ByteBuf buf = channel.alloc().ioBuffer(protocol.requestBytes());
        protocol.encode(idBase | seq, buf);
        channel.write(buf, channel.voidPromise());
        wroteSinceFlush = true;
        stats.sent(warmup, !warmup && schedule != null ? Math.max(0, nowNanos - intendedNanos) : -1);
    }

    private void flush() {
        if (wroteSinceFlush) {
            wroteSinceFlush = false;
            channel.flush();
        }
    }

    private void read(ByteBuf in) {
        try {
            protocol.decode(in, this);
        } catch (ProtocolException e) {
            stats.count(Count.MALFORMED);
            stats.sampleMismatch("malformed answer stream: " + e.getMessage());
            closeOnPurpose();
            return;
        } finally {
            in.release();
        }
        if (protocol.serverClosing() && channel != null && !finished) {
            serverClosed();
        }
    }

    private void readComplete() {
        if (!pacing) {
            fill();
        }
    }

    @Override
    public void answer(long id, Verdict verdict, String detail) {
        settle(id, verdict, 0, detail);
    }

    @Override
    public void httpStatus(long id, int statusCode) {
        settle(id, Verdict.HTTP_STATUS, statusCode, null);
    }

    /** @param httpStatus with {@link Verdict#HTTP_STATUS}, the status code; else unused */
    private void settle(long id, Verdict verdict, int httpStatus, String detail) {
        long seq = id & SEQ_MASK;
        byte state = (id & ~SEQ_MASK) == idBase ? window.state(seq) : OutstandingWindow.FREE;
        if (state == OutstandingWindow.FREE) {
            unexpected(id, verdict);
            return;
        }
        if (state == OutstandingWindow.TIMED_OUT || state == OutstandingWindow.FORGOTTEN) {
            if (state == OutstandingWindow.TIMED_OUT) {
                window.release(seq);
            }
            stats.count(Count.LATE, false);
            return;
        }
        long now = System.nanoTime();
        boolean warmup = state == OutstandingWindow.WARMUP;
        long intended = window.intendedNanos(seq);
        long written = window.writtenNanos(seq);
        window.release(seq);
        stats.settled(Count.of(verdict), warmup);
        switch (verdict) {
            case OK -> {
                failuresInARow = 0;
                if (!warmup) {
                    stats.answered(now - intended, now - written, now < control.windowEndNanos());
                }
            }
            case BAD_FRAME -> stats.sampleMismatch("BAD_FRAME answer names request id " + id + "; the protocol says id 0");
            case MISMATCH -> stats.sampleMismatch(detail);
            case HTTP_STATUS -> stats.httpStatus(httpStatus, warmup,
                    "answer of id " + id + " has HTTP status " + httpStatus + ", not 2xx");
            default -> { }
        }
    }

    /** An answer whose id names nothing outstanding here. */
    private void unexpected(long id, Verdict verdict) {
        if (verdict == Verdict.BAD_FRAME) {
            stats.count(Count.BAD_FRAME); // id 0, and the server closes: counted when it does too
        } else {
            stats.count(Count.STRAY);
            stats.sampleMismatch("answer with id " + id + ", which names no request outstanding on this connection");
        }
    }

    /**
     * Counts requests unanswered after the timeout, a measured one entering the latency histogram at the
     * time it was found timed out (so an overloaded server's tail is not left out); closed loop then sends
     * in their place.
     */
    void expire(long nowNanos) {
        int before = window.outstanding();
        window.expire(nowNanos - timeoutNanos, (warmup, intended) -> stats.timedOut(warmup, nowNanos - intended));
        if (!pacing && active && window.outstanding() < before) {
            fill();
        }
    }

    private void closeOnPurpose() {
        if (channel != null) {
            closingOnPurpose = true;
            channel.close();
        }
    }

    long outstandingMeasured() {
        return window.outstanding() - outstandingWarmup();
    }

    long outstandingWarmup() {
        return window.outstandingWarmup();
    }

    /** Open loop at the end: requests intended before {@code stopNanos} that were never sent (connection down). */
    long countUnsentBefore(long stopNanos) {
        long n = 0;
        while (nextDueNanos < stopNanos) {
            n++;
            nextDueNanos = control.scheduleOriginNanos + schedule.next();
        }
        return n;
    }

    /** Stops for good and closes the channel; true when it was open. */
    boolean finish() {
        finished = true;
        boolean wasOpen = active && channel != null && channel.isActive();
        if (channel != null) {
            channel.close();
        }
        return wasOpen;
    }

    /** One per channel: Netty's events, handed to the slot while the channel is its current one. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (finished) {
                ctx.close();
                return;
            }
            established(ctx.channel());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost(ctx.channel());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (ctx.channel() != channel || finished) {
                ((ByteBuf) msg).release();
                return;
            }
            read((ByteBuf) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel) {
                readComplete();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a reset or a failed write: closing leads to channelInactive, which counts it and reconnects
            if (!(cause instanceof java.io.IOException)) {
                stats.sampleMismatch("generator error, connection closed: " + cause);
            }
            ctx.close();
        }
    }
}
