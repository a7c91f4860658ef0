package netarena.server.async;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import netarena.server.core.Connection;
import netarena.server.core.ConnectionIo;
import netarena.server.core.ReadSizer;
import netarena.server.core.ServerLifecycle;
import netarena.server.core.ServerRuntime;

/**
 * The completion key of one connection: its channel, its write queue, and whether a read or a write is
 * outstanding. Handlers run on the group's completion threads; {@link #send} on any thread.
 */
final class AsyncConnection implements ConnectionIo {

    /** The per-I/O data of a read: its buffer travels as the attachment. */
    private record ReadOp(ByteBuffer buffer) {
    }

    /** The per-I/O data of a write: the bytes being written and how many there were. */
    private record WriteOp(ByteBuffer bytes) {
    }

    private final AsynchronousSocketChannel channel;
    private Connection connection;
    /** Guarded by itself. */
    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>();
    private boolean writing;
    private final AtomicBoolean readPaused = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Sizes the read posted next: it waits with its buffer, so an idle connection holds the smallest size. */
    private final ReadSizer sizer = new ReadSizer();
    private ReadOp readOp;

    private AsyncConnection(AsynchronousSocketChannel channel) {
        this.channel = channel;
    }

    static void open(ServerRuntime runtime, AsynchronousSocketChannel channel) {
        AsyncConnection io = new AsyncConnection(channel);
        runtime.admit(io, connection -> {
            if (connection == null) {
                ServerLifecycle.closeQuietly(channel);
                return;
            }
            io.connection = connection;
            io.postRead();
        });
    }

    private void postRead() {
        if (readOp == null || readOp.buffer().capacity() != sizer.nextBytes()) {
            readOp = new ReadOp(ByteBuffer.allocate(sizer.nextBytes()));
        }
        readOp.buffer().clear();
        try {
            channel.read(readOp.buffer(), readOp, readHandler);
        } catch (RuntimeException e) {
            // ShutdownChannelGroupException or the channel closed: the connection is done
            close();
        }
    }

    private final CompletionHandler<Integer, ReadOp> readHandler = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, ReadOp op) {
            if (n < 0) {
                connection.onEof();
                return;
            }
            ByteBuffer buffer = op.buffer();
            sizer.record(n, buffer.capacity());
            buffer.flip();
            connection.onBytes(buffer);
            if (connection.readAllowed()) {
                postRead();
                return;
            }
            // paused for backpressure; a write completion resumes it, re-checked here against that race
            readPaused.set(true);
            resumeReadIfAllowed();
        }

        @Override
        public void failed(Throwable e, ReadOp op) {
            close();
        }
    };

    /**
     * Takes the reading turn back when the connection allows reading, or has held input it may now decode:
     * the thread that wins the turn decodes that input, as a read completion would, then reads or pauses again.
     */
    private void resumeReadIfAllowed() {
        while (readPaused.get() && (connection.readAllowed() || connection.heldReady())
                && readPaused.compareAndSet(true, false)) {
            connection.readHeld();
            if (connection.readAllowed()) {
                postRead();
                return;
            }
            readPaused.set(true);
        }
    }

    @Override
    public void send(ByteBuffer bytes) {
        if (closed.get()) {
            return;
        }
        synchronized (writeQueue) {
            if (writing) {
                writeQueue.add(bytes);
                return;
            }
            writing = true;
        }
        postWrite(bytes);
    }

    private void postWrite(ByteBuffer bytes) {
        try {
            channel.write(bytes, new WriteOp(bytes), writeHandler);
        } catch (RuntimeException e) {
            close();
        }
    }

    private final CompletionHandler<Integer, WriteOp> writeHandler = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, WriteOp op) {
            if (n > 0) {
                connection.onWritten(n);
            }
            ByteBuffer next = op.bytes();
            if (!next.hasRemaining()) {
                synchronized (writeQueue) {
                    next = writeQueue.poll();
                    if (next == null) {
                        writing = false;
                    }
                }
            }
            if (next != null && !closed.get()) {
                postWrite(next);
            }
            resumeReadIfAllowed();
        }

        @Override
        public void failed(Throwable e, WriteOp op) {
            close();
        }
    };

    @Override
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException | RuntimeException e) {
            close();
            return;
        }
        resumeReadIfAllowed(); // the close lingers: read on to see the peer's EOF
    }

    @Override
    public void resumeReading() {
        resumeReadIfAllowed();
    }

    /** Nothing to do: a read in progress completes and is dropped, and no next read is posted until the close lingers. */
    @Override
    public void shutdownInput() {
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ServerLifecycle.closeQuietly(channel);
            connection.onClosed();
        }
    }
}
