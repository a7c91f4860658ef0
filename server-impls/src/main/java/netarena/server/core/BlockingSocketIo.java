package netarena.server.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection over a blocking {@link Socket}, for the models that give each connection a thread of
 * its own (platform or virtual). The connection's thread runs {@link #readLoop}. Without workers it also
 * writes the answers, which it produced. With workers, answers go to a writer thread of the connection's
 * own, started with the first answer a worker gives: a blocking write to a client that has stopped reading
 * waits until the client reads, and if a worker made that write, two such clients would hold two workers and
 * stall every other client's requests behind them. Until then the connection's thread writes its own answers. Writes are made under a lock ({@link ReentrantLock}, not
 * {@code synchronized}, so a virtual thread blocked in a write does not pin its carrier on JDKs before 24).
 * The reader stops reading at {@code maxPendingBytes}, so what waits for the writer stays bounded.
 */
public final class BlockingSocketIo implements ConnectionIo {

    /** Tells the writer thread to end; never written. */
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ThreadFactory writerThreads;
    private static final VarHandle OUTBOX;

    static {
        try {
            OUTBOX = MethodHandles.lookup().findVarHandle(BlockingSocketIo.class, "outbox", LinkedBlockingQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Answers for the writer thread, made with the first answer a worker sends (then the writer starts):
     * a connection whose own thread writes every answer, the idle ones included, holds no queue.
     */
    private volatile LinkedBlockingQueue<ByteBuffer> outbox;
    private final AtomicBoolean writerStarted = new AtomicBoolean();
    /** The connection's own thread, once it runs {@link #readLoop}. */
    private volatile Thread reader;
    private Connection connection;

    /**
     * @param writerThreads makes the connection's writer thread when answers come from workers; null when
     *                      the connection's own thread writes what it answers
     */
    public BlockingSocketIo(Socket socket, ThreadFactory writerThreads) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.writerThreads = writerThreads;
    }

    /**
     * Admits the socket and runs {@code then}, which starts {@link #readLoop}, or closes it when refused; see
     * {@link ServerRuntime#admit} for the thread.
     */
    public void admit(ServerRuntime runtime, Runnable then) {
        runtime.admit(this, admitted -> {
            if (admitted == null) {
                closeQuietly();
                return;
            }
            connection = admitted;
            then.run();
        });
    }

    /**
     * Reads until EOF, the socket's close or an error; runs on the connection's own thread. After bad input or
     * a graceful stop it waits, then reads on while the close lingers, so that it sees the peer's EOF.
     */
    public void readLoop() {
        reader = Thread.currentThread();
        ReadSizer sizer = new ReadSizer(); // the read waits with its buffer: idle, that is the smallest size
        byte[] buffer = null;
        try {
            InputStream in = socket.getInputStream();
            while (connection.awaitReadAllowed()) {
                buffer = sizer.fit(buffer);
                int n = in.read(buffer);
                if (n < 0) {
                    connection.onEof();
                    return;
                }
                sizer.record(n, buffer.length);
                connection.onBytes(ByteBuffer.wrap(buffer, 0, n));
            }
        } catch (IOException e) {
            // reset by the peer, or the socket was closed under us: either way this connection is done
            close();
        }
    }

    @Override
    public void send(ByteBuffer bytes) {
        if (closed.get()) {
            return;
        }
        if (writerThreads == null || (!writerStarted.get() && Thread.currentThread() == reader)) {
            write(bytes);
            return;
        }
        // once a worker answered, every answer goes through the writer, the reader's own too, so they leave in
        // send() order; the writer, started after its queue has an answer, takes at least that one
        outbox().add(bytes);
        if (!writerStarted.get() && writerStarted.compareAndSet(false, true)) {
            writerThreads.newThread(this::writeLoop).start();
        }
    }

    /** The writer's queue, made by the first thread to need it; any thread. */
    private LinkedBlockingQueue<ByteBuffer> outbox() {
        LinkedBlockingQueue<ByteBuffer> queue = outbox;
        if (queue == null) {
            LinkedBlockingQueue<ByteBuffer> made = new LinkedBlockingQueue<>();
            queue = OUTBOX.compareAndSet(this, null, made) ? made : outbox;
        }
        return queue;
    }

    /** The writer thread: writes what is queued, in order, until the connection closes. */
    private void writeLoop() {
        try {
            for (ByteBuffer bytes = outbox.take(); bytes != END && !closed.get(); bytes = outbox.take()) {
                write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ByteBuffer bytes) {
        int n = bytes.remaining();
        boolean written = false;
        writeLock.lock();
        try {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
            bytes.position(bytes.limit());
            written = true;
        } catch (IOException e) {
            // the peer reset or closed: closed below, outside the lock
        } finally {
            writeLock.unlock();
        }
        if (written) {
            connection.onWritten(n);
        } else {
            close();
        }
    }

    /**
     * Nothing to do: the reader drops what it reads after input ended and then waits in
     * {@link Connection#awaitReadAllowed} until the close lingers; a reader blocked in a read stays there,
     * which is where it sees the peer's EOF.
     */
    @Override
    public void shutdownInput() {
    }

    @Override
    public void shutdownOutput() {
        writeLock.lock();
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // reset meanwhile: nothing left to deliver
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly();
            // no queue yet: a writer started later takes the answer queued before it, then sees the close
            LinkedBlockingQueue<ByteBuffer> queue = outbox;
            if (queue != null) {
                queue.clear();
                queue.add(END);
            }
            connection.onClosed();
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do about a failed close
        }
    }
}
