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
import netarena.server.ServerStats;

/**
 * The shared life of one connection, the same for every model: decode, dispatch, answer, backpressure,
 * half-close and graceful close. The model feeds it bytes ({@link #onBytes}) from its reading thread and
 * reports written bytes ({@link #onWritten}) from its writing side; everything else happens here.
 *
 * <p>All state of a connection lives in this object (never in a ThreadLocal), so a pooled thread that
 * serves many connections cannot carry one connection's state into another's.
 *
 * <p>Closing rule: once input has ended (peer EOF, a protocol error, {@code Connection: close}, or a
 * graceful stop) the connection closes as soon as every request read has been answered and every answer
 * byte written.
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
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean inputEnded;

    /** Sequence numbers pair answers with request order for ordered codecs; reading thread only. */
    private long nextSeq;
    /** Ordered codecs: answers that finished ahead of an earlier one, and the next seq to send. Guarded by {@code sendLock}. */
    private final TreeMap<Long, Response> parked = new TreeMap<>();
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
        this.maxPendingBytes = runtime.config().maxPendingBytes();
        this.maxPipelined = runtime.config().maxPipelined();
    }

    /** Decodes and dispatches every whole request in {@code in}; the reading thread only. */
    public void onBytes(ByteBuffer in) {
        if (inputEnded) {
            in.position(in.limit());
            return;
        }
        stats.bytesIn(in.remaining());
        try {
            codec.decode(in, this::accept);
        } catch (ProtocolException e) {
            stats.protocolError();
            LOG.log(System.Logger.Level.DEBUG, "closing connection after bad input: {0}", e.getMessage());
            in.position(in.limit());
            if (e.replyBytes() != null) {
                sendErrorReply(ByteBuffer.wrap(e.replyBytes()));
            }
            endInput();
        }
    }

    /**
     * The answer to bad input goes out after the answers to every request read before it: at once for
     * unordered codecs, or once those answers have left for ordered ones (HTTP pipelining).
     */
    private void sendErrorReply(ByteBuffer reply) {
        pendingBytes.addAndGet(reply.remaining());
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

    private void accept(Request request) {
        if (inputEnded) {
            return;
        }
        inFlight.incrementAndGet();
        inFlightBytes.addAndGet(request.payload().length);
        runtime.dispatcher().dispatch(this, nextSeq++, request);
    }

    /**
     * Hands the answer to request number {@code seq} to the model for writing, in request order when the
     * codec requires it. Any thread.
     */
    void complete(long seq, Request request, Response response) {
        stats.request(request.opCode(), response.status());
        inFlightBytes.addAndGet(-request.payload().length);
        if (closed.get()) {
            inFlight.decrementAndGet();
            return;
        }
        if (codec.ordered()) {
            sendLock.lock();
            try {
                parked.put(seq, response);
                for (Response next = parked.remove(nextSeqToSend); next != null; next = parked.remove(nextSeqToSend)) {
                    nextSeqToSend++;
                    send(next);
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
        }
        inFlight.decrementAndGet();
        signalIfDrained();
        maybeClose();
    }

    private void send(Response response) {
        ByteBuffer bytes = codec.encode(response);
        pendingBytes.addAndGet(bytes.remaining());
        io.send(bytes);
        if (codec.closesAfter(response)) {
            endInput();
        }
    }

    /** The model wrote {@code bytes} of what it was sent; any thread. */
    public void onWritten(int bytes) {
        stats.bytesOut(bytes);
        long left = pendingBytes.addAndGet(-bytes);
        signalIfDrained();
        if (left == 0) {
            maybeClose();
        }
    }

    private boolean withinLimit() {
        return pendingBytes.get() + inFlightBytes.get() <= maxPendingBytes && inFlight.get() < maxPipelined;
    }

    private void signalIfDrained() {
        if (readerWaiting && withinLimit()) {
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
     * within max-pending bytes, and fewer than max-pipelined requests unanswered.
     */
    public boolean readAllowed() {
        return !inputEnded && withinLimit();
    }

    /**
     * For blocking models: waits, before the next read, while {@link #readAllowed} is false for want of room.
     *
     * @return false when the connection closed or input ended while waiting
     */
    public boolean awaitReadAllowed() {
        if (withinLimit()) {
            return !inputEnded;
        }
        drainLock.lock();
        try {
            readerWaiting = true;
            while (!withinLimit() && !closed.get()) {
                drained.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            readerWaiting = false;
            drainLock.unlock();
        }
        return !inputEnded && !closed.get();
    }

    /** No more requests will be read: peer EOF, bad input, or a graceful stop. Any thread. */
    public void endInput() {
        if (!inputEnded) {
            inputEnded = true;
            io.shutdownInput();
        }
        maybeClose();
    }

    private void maybeClose() {
        if (inputEnded && inFlight.get() == 0 && pendingBytes.get() == 0 && closeRequested.compareAndSet(false, true)) {
            io.close();
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
            runtime.unregister(this);
            if (readerWaiting) {
                drainLock.lock();
                try {
                    drained.signalAll();
                } finally {
                    drainLock.unlock();
                }
            }
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
