package netarena.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.ProtocolException;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;

/**
 * A small blocking frame server for the generator's tests, on the shared codec and request work: a
 * platform thread per connection reads requests, runs them with {@link RequestWork} and writes answers.
 * Tests can make it misbehave: stall every answer for a while, corrupt every n-th answer, answer a given
 * status every n-th time, stay silent, drop its connections, or go away entirely. Loopback, ephemeral port.
 */
final class TestFrameServer implements AutoCloseable {

    private final TestListener listener;
    private final AtomicLong answers = new AtomicLong();
    private volatile long stallUntilNanos;
    private volatile int corruptEvery;
    private volatile int statusEvery;
    private volatile Status everyStatus = Status.OK;
    private volatile boolean silent;
    private volatile long refuseUntilNanos;
    private volatile long firstRequestNanos;
    private final java.util.concurrent.atomic.AtomicReference<Break> breakNext = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile long stallAfterNanos = -1;
    private volatile long stallLengthNanos;

    private TestFrameServer(int backlog) {
        listener = new TestListener("test-server", backlog, this::serve, () -> System.nanoTime() < refuseUntilNanos);
    }

    static TestFrameServer start() {
        return new TestFrameServer(128);
    }

    int port() {
        return listener.port();
    }

    /** Every answer written from now until {@code d} from now waits until then. */
    void stall(Duration d) {
        stallUntilNanos = System.nanoTime() + d.toNanos();
    }

    /**
     * Once, {@code after} the first request this server sees, every answer stalls until {@code length}
     * later: timed from the load rather than from the test, so a slow start cannot move the stall.
     */
    void stallAfterFirstRequest(Duration after, Duration length) {
        stallLengthNanos = length.toNanos();
        stallAfterNanos = after.toNanos();
    }

    /** Every n-th answer, server-wide, is corrupted: a flipped payload byte, a wrong CPU result, or a wrong id. */
    void corruptEvery(int n) {
        corruptEvery = n;
    }

    /** Every n-th answer, server-wide, carries {@code status} instead of its real one. */
    void answerEvery(int n, Status status) {
        everyStatus = status;
        statusEvery = n;
    }

    /** How the next answer is broken instead of being written. */
    enum Break {
        /** 13 bytes whose length field (3) is below any frame's minimum. */
        GARBAGE,
        /** BAD_FRAME with id 0, then the connection closes, as a server does with a frame it cannot read. */
        BAD_FRAME_AND_CLOSE
    }

    /** The next answer, on whichever connection, is replaced by {@code how}. */
    void breakNextAnswer(Break how) {
        breakNext.set(how);
    }

    /** Read requests but answer none. */
    void silent(boolean v) {
        silent = v;
    }

    /** Drops every connection now, and for {@code d} closes each new one as soon as it is accepted. */
    void refuseFor(Duration d) {
        refuseUntilNanos = System.nanoTime() + d.toNanos();
        dropConnections();
    }

    long connectionsAccepted() {
        return listener.connectionsAccepted();
    }

    /** Closes every connection now; the listener stays, so clients can reconnect. */
    void dropConnections() {
        listener.dropConnections();
    }

    /** Closes the listener and every connection: the server is gone. */
    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket s) {
        FrameDecoder<Request> decoder = FrameDecoder.requests(FrameFormat.DEFAULT_MAX_FRAME_BYTES);
        byte[] buf = new byte[64 * 1024];
        try (s; InputStream in = s.getInputStream(); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
                for (Request r = decoder.decode(bytes); r != null; r = decoder.decode(bytes)) {
                    if (!silent) {
                        answer(r, out);
                    }
                }
                out.flush();
            }
        } catch (IOException | ProtocolException e) {
            // the client went away or sent garbage: this connection ends
        }
    }

    private synchronized void triggerStall() {
        long now = System.nanoTime();
        if (firstRequestNanos == 0) {
            firstRequestNanos = now;
        }
        if (stallAfterNanos >= 0 && now - firstRequestNanos >= stallAfterNanos) {
            stallAfterNanos = -1;
            stallUntilNanos = now + stallLengthNanos;
        }
    }

    private void answer(Request r, OutputStream out) throws IOException {
        if (stallAfterNanos >= 0) {
            triggerStall();
        }
        Response rejected = RequestWork.rejection(r);
        Response response = rejected != null ? rejected : RequestWork.run(r);
        long n = answers.incrementAndGet();
        int every = statusEvery;
        if (every > 0 && n % every == 0) {
            response = Response.of(everyStatus, r.id());
        }
        int corrupt = corruptEvery;
        if (corrupt > 0 && n % corrupt == 0) {
            response = corrupt(response, n / corrupt);
        }
        long wait = stallUntilNanos - System.nanoTime();
        if (wait > 0) {
            out.flush();
            RequestWork.sleepMicros(wait / 1_000);
        }
        Break how = breakNext.getAndSet(null);
        if (how == Break.GARBAGE) {
            out.write(ByteBuffer.allocate(13).putInt(3).array());
            return;
        }
        if (how == Break.BAD_FRAME_AND_CLOSE) {
            ByteBuffer bad = FrameFormat.encodeResponse(Response.of(Status.BAD_FRAME, 0));
            out.write(bad.array(), 0, bad.remaining());
            out.flush();
            throw new IOException("closing after BAD_FRAME");
        }
        ByteBuffer frame = FrameFormat.encodeResponse(response);
        out.write(frame.array(), frame.arrayOffset(), frame.remaining());
    }

    private static Response corrupt(Response r, long which) {
        byte[] p = r.payload().clone();
        if (which % 2 == 0 && p.length > 0) {
            p[p.length / 2] ^= 0x5A;
            return new Response(r.status(), r.id(), p);
        }
        return new Response(r.status(), r.id() ^ (1L << 38), p); // names nothing outstanding
    }
}
