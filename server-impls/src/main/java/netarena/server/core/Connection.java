package netarena.server.core;

import java.nio.ByteBuffer;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import netarena.protocol.ProtocolException;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.ServerCodec;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * The shared life of one connection, the same for every model: decode, dispatch, answer, backpressure,
 * half-close and graceful close. The model feeds it bytes ({@link #onBytes}) from its reading thread and
 * reports written bytes ({@link #onWritten}) from its writing side; everything else happens here.
 *
 * <p>All state of a connection lives in this object (never in a ThreadLocal), so a pooled thread that
 * serves many connections cannot carry one connection's state into another's.
 *
 * <p>Closing rule: once input has ended (peer EOF, a protocol error, {@code Connection: close}, a
 * graceful stop, or the header timeout) the connection closes as soon as every request read has been
 * answered and every answer byte written. The idle timeout closes at once: by then nothing is in flight.
 *
 * <p>Memory: what the connection holds (the codec's partial request, requests not yet answered, answers
 * not yet written) is counted here and in the server-wide {@link MemoryBudget}; reading stops past
 * max-pending, max-pipelined, or the budget when this connection holds more than its fair share.
 */
public final class Connection {

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final ServerRuntime runtime;
    private final ServerCodec codec;
    private final ConnectionIo io;
    private final ServerStats stats;
    private final long maxPendingBytes;
    private final int maxPipelined;

    /** Answer bytes handed to the model and not yet written. */
    private final AtomicLong pendingBytes = new AtomicLong();
    /** Payload bytes of requests read and not yet answered: queued work holds memory too. */
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The model was told not to read for this connection's own limits; see {@link #resumeIfRefusedForLimits}. */
    private volatile boolean refusedForLimits;
    /** This connection's work queued for the workers, and its bound. */
    private final WorkLane workLane = new WorkLane();
    /** Bytes read past the limits, decoded as answers make room. */
    private final HeldInput heldInput = new HeldInput();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    /**
     * True while the reading thread takes requests from bytes it read. Written before it reads closeRequested,
     * which a closer sets before it reads this: one of the two sees the other, so no request read is dropped
     * by a close that began meanwhile, and no close is lost.
     */
    private volatile boolean decoding;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Counted out of the connection limit: at the peer's EOF or at the close, whichever comes first. */
    private final AtomicBoolean countedOut = new AtomicBoolean();
    private volatile boolean inputEnded;

    /**
     * Every byte this connection holds, as counted in the budget; {@link #DETACHED} once closed, after which
     * late changes (a request finishing after the close) no longer reach the budget.
     */
    private final AtomicLong held = new AtomicLong();
    private static final long DETACHED = Long.MIN_VALUE / 2;
    /**
     * What a request in flight costs beyond its payload: the decoded request, its dispatch or timer task
     * and its slot in a queue, a few hundred bytes. Counted with the payload in max-pending and the memory
     * budget, so that requests with no payload (a DELAY pipelined by the thousand on every connection) are
     * not free: they would otherwise fill the heap with timer tasks while the budget reads zero.
     */
    static final int REQUEST_OVERHEAD_BYTES = 256;
    /** What the codec held after the last decode; reading thread only. */
    private int codecHeld;
    private final MemoryBudget memory;
    private final ConnectionReaper clock;
    /** Coarse time of the last byte read or written (see {@link ConnectionReaper#now}). */
    private volatile long lastActivityNanos;
    /** Coarse time the request in progress began, or {@link #NO_PARTIAL} at a request boundary. */
    private volatile long partialSinceNanos = NO_PARTIAL;
    private static final long NO_PARTIAL = Long.MIN_VALUE;
    private volatile boolean timedOut;
    /** The peer shut its output (EOF read): it sends nothing more, so closing needs no linger. */
    private volatile boolean peerEnded;
    /** Coarse time at which a lingering close ends, or 0 when not lingering. */
    private volatile long lingerUntilNanos;
    /** How long a connection that may still receive bytes stays half-closed before its socket closes. */
    static final long LINGER_NANOS = 1_000_000_000L;

    /** Sequence numbers pair answers with request order for ordered codecs; reading thread only. */
    private long nextSeq;
    /** Ordered codecs: answers that finished ahead of an earlier one, and the next seq to send. Guarded by {@code sendLock}. */
    private final TreeMap<Long, Answer> parked = new TreeMap<>();
    private long nextSeqToSend;
    /** Ordered codecs: the bad-input reply waiting for the answers ahead of it, and its place. */
    private ByteBuffer errorReply;
    private long errorReplySeq;
    private final ReentrantLock sendLock = new ReentrantLock();

    /** Blocking models wait here for pending output to drain before reading more. */
    private final ReentrantLock drainLock = new ReentrantLock();
    private final Condition drained = drainLock.newCondition();
    private volatile boolean readerWaiting;

    Connection(ServerRuntime runtime, ConnectionIo io) {
        this.runtime = runtime;
        this.codec = runtime.newCodec();
        this.io = io;
        this.stats = runtime.stats();
        this.maxPendingBytes = runtime.config().limits().pendingBytes();
        this.maxPipelined = runtime.config().limits().pipelined();
        this.memory = runtime.memory();
        this.clock = runtime.reaper();
        this.lastActivityNanos = clock.now();
    }

    /**
     * Decodes and dispatches the whole requests in {@code in} up to this connection's own limits, and keeps
     * the rest ({@link HeldInput}) for when answers make room; consumes all of {@code in}. The reading thread.
     */
    public void onBytes(ByteBuffer in) {
        if (inputEnded) {
            in.position(in.limit());
            return;
        }
        stats.bytesIn(in.remaining());
        long now = clock.now();
        lastActivityNanos = now;
        workLane.socketRead();
        if (heldInput.isEmpty()) {
            decode(in, now);
        }
        if (in.hasRemaining()) {
            // read before input ended (if it has): these requests are answered too, a graceful stop included
            hold(heldInput.keep(in));
            readHeld();
        }
        in.position(in.limit());
    }

    /**
     * Decodes what {@link #onBytes} held back at the limits, as far as they now allow. The reading thread
     * (the model's resume path; blocking models through {@link #awaitReadAllowed}).
     */
    public void readHeld() {
        if (heldInput.isEmpty()) {
            return;
        }
        if (!closed.get() && withinLimit()) {
            decode(heldInput.bytes(), clock.now());
        }
        hold(heldInput.release(closed.get()));
        if (heldInput.isEmpty()) {
            maybeClose();
        }
    }

    /** True when held input waits and the limits now let some of it be decoded; any thread. */
    public boolean heldReady() {
        return !heldInput.isEmpty() && !closed.get() && withinLimit();
    }

    /**
     * Takes the requests in {@code in}. While it runs the connection does not close, even once input ended and
     * the requests taken so far are answered (a graceful stop while a blocking model's thread runs a pipelined
     * request inline): the requests after them in this read were read too, and are answered.
     */
    private void decode(ByteBuffer in, long now) {
        decoding = true;
        long seqBefore = nextSeq;
        try {
            if (closeRequested.get()) {
                in.position(in.limit());
                return;
            }
            codec.decodeWhile(in, this::accept);
            trackPartial(now, nextSeq != seqBefore);
        } catch (ProtocolException e) {
            stats.protocolError();
            LOG.log(System.Logger.Level.DEBUG, "closing connection after bad input: {0}", e.getMessage());
            in.position(in.limit());
            if (e.replyBytes() != null) {
                sendErrorReply(ByteBuffer.wrap(e.replyBytes()));
            }
            endInput();
        } finally {
            decoding = false;
            maybeClose();
        }
    }

    /**
     * Notes when the request in progress began, for the header timeout: a new one began in this read when
     * the codec is mid-request and either a request completed in this read or none was in progress.
     * Also brings the codec's held bytes into the budget. Reading thread only.
     */
    private void trackPartial(long now, boolean completedOne) {
        boolean mid = codec.midRequest();
        if (completedOne || !mid) {
            memory.requestWhole(this);
        }
        if (!mid) {
            partialSinceNanos = NO_PARTIAL;
        } else if (completedOne || partialSinceNanos == NO_PARTIAL) {
            partialSinceNanos = now;
        }
        int nowHeld = codec.heldBytes();
        if (nowHeld != codecHeld) {
            hold(nowHeld - codecHeld);
            codecHeld = nowHeld;
        }
    }

    /** Counts bytes this connection holds (negative: releases them), here and in the server's budget. */
    private void hold(long deltaBytes) {
        if (held.addAndGet(deltaBytes) > DETACHED / 2) {
            memory.add(deltaBytes);
        }
    }

    /**
     * The answer to bad input goes out after the answers to every request read before it: at once for
     * unordered codecs, or once those answers have left for ordered ones (HTTP pipelining).
     */
    private void sendErrorReply(ByteBuffer reply) {
        pendingBytes.addAndGet(reply.remaining());
        hold(reply.remaining());
        sendLock.lock();
        try {
            if (codec.ordered() && nextSeqToSend < nextSeq) {
                errorReply = reply;
                errorReplySeq = nextSeq;
            } else {
                io.send(reply);
            }
        } finally {
            sendLock.unlock();
        }
    }

    /** Takes one decoded request; false stops decoding right after it, at this connection's own limits. */
    private boolean accept(Request request) {
        if (closed.get()) {
            return false;
        }
        stats.received();
        inFlight.incrementAndGet();
        inFlightBytes.addAndGet(cost(request));
        hold(cost(request));
        runtime.dispatcher().dispatch(this, nextSeq++, request, System.nanoTime());
        return withinLimitOrNoteRefusal();
    }

    /**
     * Hands the answer to request number {@code seq} to the model for writing, in request order when the
     * codec requires it. Any thread. The request's bytes count as held until its answer has been handed on
     * (a blocking write returns only once the bytes are in the socket). {@code receivedNanos}: when the
     * request was read whole ({@link System#nanoTime}), for the service-time histogram.
     */
    void complete(long seq, Request request, Response response, long receivedNanos) {
        stats.request(request.opCode(), response.status(), System.nanoTime() - receivedNanos);
        if (closed.get()) {
            release(request);
            inFlight.decrementAndGet();
            return;
        }
        if (codec.ordered()) {
            sendLock.lock();
            try {
                parked.put(seq, new Answer(request, response));
                for (Answer next = parked.remove(nextSeqToSend); next != null; next = parked.remove(nextSeqToSend)) {
                    nextSeqToSend++;
                    send(next.response());
                    release(next.request());
                }
                if (errorReply != null && nextSeqToSend == errorReplySeq) {
                    io.send(errorReply);
                    errorReply = null;
                }
            } finally {
                sendLock.unlock();
            }
        } else {
            send(response);
            release(request);
        }
        inFlight.decrementAndGet();
        signalIfDrained();
        resumeIfRefusedForLimits();
        maybeClose();
    }

    /**
     * The event-loop models decide whether to read again on their own thread, when a write completes. That
     * can be before the request that made the connection hit max-pipelined (or max-pending) is counted out
     * here, and nothing else would tell them later: the connection would never be read again. So a
     * connection refused for its own limits is handed back to its model once the limits allow reading.
     */
    private void resumeIfRefusedForLimits() {
        if (refusedForLimits && withinLimit()) {
            refusedForLimits = false;
            io.resumeReading();
        }
    }

    /** A finished request waiting for the ones before it (ordered codecs). */
    private record Answer(Request request, Response response) {
    }

    private void release(Request request) {
        inFlightBytes.addAndGet(-cost(request));
        hold(-cost(request));
    }

    private static long cost(Request request) {
        return request.payload().length + REQUEST_OVERHEAD_BYTES;
    }

    private void send(Response response) {
        ByteBuffer bytes = codec.encode(response);
        lastActivityNanos = clock.now(); // the idle clock restarts with each answer, before its bytes leave
        pendingBytes.addAndGet(bytes.remaining());
        hold(bytes.remaining());
        io.send(bytes);
        if (codec.closesAfter(response)) {
            endInput();
        }
    }

    /** The model wrote {@code bytes} of what it was sent; any thread. */
    public void onWritten(int bytes) {
        stats.bytesOut(bytes);
        lastActivityNanos = clock.now();
        hold(-bytes);
        long left = pendingBytes.addAndGet(-bytes);
        signalIfDrained();
        resumeIfRefusedForLimits(); // max-pending may have held input back: its answers leaving make room
        if (left == 0) {
            maybeClose();
        }
    }

    /** Within this connection's own limits: max-pending bytes and max-pipelined requests. */
    private boolean withinLimit() {
        return pendingBytes.get() + inFlightBytes.get() <= maxPendingBytes && inFlight.get() < maxPipelined;
    }

    /** Within its own limits, and either within its fair share or the server's budget has room. */
    private boolean roomToRead() {
        return withinLimitOrNoteRefusal() && (held.get() <= ServerConfig.Limits.FAIR_SHARE_BYTES || memory.admits(this));
    }

    /**
     * {@link #withinLimit}, noting a refusal for {@link #resumeIfRefusedForLimits}. The note is written before
     * the limits are read again, and the completing thread counts its request out before it reads the note:
     * one of the two sees the other, so a refusal is never left with no one to resume it.
     */
    private boolean withinLimitOrNoteRefusal() {
        if (withinLimit()) {
            return true;
        }
        refusedForLimits = true;
        return withinLimit();
    }

    private void signalIfDrained() {
        if (readerWaiting && roomToRead()) {
            drainLock.lock();
            try {
                drained.signalAll();
            } finally {
                drainLock.unlock();
            }
        }
    }

    /**
     * True while the model should keep reading: input not ended, unsent answers plus unanswered requests
     * within max-pending bytes, fewer than max-pipelined requests unanswered, and the server's memory
     * budget not spent (or this connection within its fair share). A connection refused for memory is
     * resumed through {@link ConnectionIo#resumeReading} when the budget has room again.
     *
     * <p>Also true while the close lingers: what arrives then is dropped ({@link #onBytes}), and reading is
     * how the model sees the peer's EOF ({@link #onEof}), which ends the linger at once.
     */
    public boolean readAllowed() {
        // the common case first: one read per request
        return (!inputEnded && heldInput.isEmpty() && roomToRead()) || lingering();
    }

    /**
     * For blocking models: waits, before the next read, while {@link #readAllowed} is false (no room, or input
     * ended and the close not lingering yet). The connection's thread stays with it until it closes, so that it
     * can read the peer's EOF while the close lingers.
     *
     * @return false once the connection is closed
     */
    public boolean awaitReadAllowed() {
        while (true) {
            readHeld();
            if (readAllowed() || closed.get()) {
                return !closed.get();
            }
            drainLock.lock();
            try {
                readerWaiting = true;
                if (!readAllowed() && !heldReady() && !closed.get()) {
                    drained.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                readerWaiting = false;
                drainLock.unlock();
            }
        }
    }

    /**
     * The peer shut its output (EOF): no more requests, and nothing more will arrive, so nothing can reset
     * the answers away: a lingering close ends now, and one not begun yet will not linger. The reading thread.
     * Models never shut the socket's input themselves, so an EOF always comes from the peer.
     */
    public void onEof() {
        peerEnded = true;
        countOut(); // nothing more comes from the peer: the answers still owed do not hold a place in the limit
        endInput();
        if (lingering()) {
            io.close();
        }
    }

    /** Output shut after the last answer, socket not yet closed: waiting for the peer's EOF or the linger's end. */
    private boolean lingering() {
        return lingerUntilNanos != 0 && !closed.get();
    }

    /** No more requests will be read: peer EOF, bad input, or a graceful stop. Any thread. */
    public void endInput() {
        if (!inputEnded) {
            inputEnded = true;
            io.shutdownInput();
        }
        maybeClose();
    }

    /**
     * Closes once input has ended and every answer is written. When the peer may still be sending (a graceful
     * stop, bad input, {@code Connection: close}, a header timeout), the close lingers: output is shut first, so
     * the peer reads every answer and then EOF; the model reads on and drops what still arrives, and the socket
     * closes at the peer's EOF or {@link #LINGER_NANOS} later (the reaper), whichever comes first. Closing at
     * once with unread bytes in the socket would send a reset, and a reset discards answers still in the
     * kernel's send buffer; after the peer's EOF nothing more can arrive, so nothing can provoke one.
     */
    private void maybeClose() {
        if (inputEnded && inFlight.get() == 0 && pendingBytes.get() == 0 && heldInput.isEmpty() && !decoding
                && closeRequested.compareAndSet(false, true)) {
            if (decoding) {
                // the reading thread began taking requests meanwhile: it calls here again when it is done
                closeRequested.set(false);
                return;
            }
            if (peerEnded) {
                io.close();
                return;
            }
            lingerUntilNanos = clock.now() + LINGER_NANOS;
            io.shutdownOutput();
            wakeReader();
            // the EOF may have been read between the check above and lingerUntilNanos: onEof saw no linger then
            if (peerEnded) {
                io.close();
            }
        }
    }

    /** Closes now, whatever is in flight: the end of a grace period. */
    void forceClose() {
        closeRequested.set(true);
        io.close();
    }

    /** The model closed the socket (for any reason); counted once. Any thread. */
    public void onClosed() {
        if (closed.compareAndSet(false, true)) {
            inputEnded = true;
            // what is still held (unsent answers, a partial request) is dropped with the socket
            memory.add(-held.getAndSet(DETACHED));
            runtime.unregister(this);
            wakeReader();
        }
    }

    private void wakeReader() {
        if (readerWaiting) {
            drainLock.lock();
            try {
                drained.signalAll();
            } finally {
                drainLock.unlock();
            }
        }
    }

    WorkLane workLane() {
        return workLane;
    }

    /** Counts this connection out of the limit, once; any thread. */
    void countOut() {
        if (countedOut.compareAndSet(false, true)) {
            runtime.countedOut();
        }
    }

    /** Bytes this connection holds, as counted in the memory budget. */
    long heldBytes() {
        return held.get();
    }

    /** True while part of a request has been read and the rest has not. */
    boolean midRequest() {
        return partialSinceNanos != NO_PARTIAL;
    }

    /** Answer bytes handed to the model and not yet written. */
    long pendingBytes() {
        return pendingBytes.get();
    }

    /** Coarse time of the last byte read or written. */
    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Closes now to give back its memory: the reaper, while the budget stays spent. */
    void shed() {
        if (!closed.get()) {
            if (!timedOut) {
                timedOut = true;
                stats.shed();
            }
            forceClose();
        }
    }

    /** The memory budget has room again: let the model re-check {@link #readAllowed}. The reaper. */
    void resumeReading() {
        if (!closed.get()) {
            wakeReader();
            io.resumeReading();
        }
    }

    /**
     * The reaper's scan: closes this connection when it has been idle (no byte read or written, nothing
     * in flight) past {@code idleNanos}, or ends its input when its request in progress began more than
     * {@code headerNanos} ago. Time the server stopped reading for this connection's own limits (its
     * unread answers, its pipelined requests) does not count against the header timeout; time it waited for
     * server-wide memory does: a client could otherwise hold the budget with partial requests and never be
     * timed out (the idle timeout would be its only bound).
     */
    void checkTimeouts(long now, long idleNanos, long headerNanos) {
        if (closed.get()) {
            return;
        }
        long linger = lingerUntilNanos;
        if (linger != 0) {
            if (now - linger >= 0) {
                io.close();
            }
            return;
        }
        if (inFlight.get() == 0 && now - lastActivityNanos > idleNanos) {
            // also after a header timeout, when the answers before it cannot be written: nothing moves
            if (!timedOut) {
                timedOut = true;
                stats.closedIdle();
            }
            forceClose();
            return;
        }
        long since = partialSinceNanos;
        if (timedOut || since == NO_PARTIAL || inputEnded) {
            return;
        }
        if (!withinLimit()) {
            partialSinceNanos = now; // the server stopped reading: the client is not the slow one now
        } else if (now - since > headerNanos) {
            timedOut = true;
            stats.closedSlow();
            endInput();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    public boolean inputEnded() {
        return inputEnded;
    }

    /** Requests read but not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }
}
