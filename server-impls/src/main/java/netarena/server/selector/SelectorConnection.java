package netarena.server.selector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import netarena.server.core.Connection;
import netarena.server.core.ConnectionIo;
import netarena.server.core.ServerLifecycle;
import netarena.server.core.ServerRuntime;

/**
 * One channel of a reactor: its read buffer and write queue. Reads and writes happen on the reactor
 * thread only; other threads append to the write queue and ask the reactor to flush.
 */
final class SelectorConnection implements ConnectionIo {

    private final Reactor reactor;
    private final SocketChannel channel;
    /** Guarded by itself: appended by any thread, drained by the reactor. */
    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable flushTask = this::scheduledFlush;
    private Connection connection;
    private SelectionKey key;

    SelectorConnection(Reactor reactor, SocketChannel channel) {
        this.reactor = reactor;
        this.channel = channel;
    }

    /** The admitted connection, before the reactor registers the channel: no read happens before this. */
    void admitted(Connection connection) {
        this.connection = connection;
    }

    SocketChannel channel() {
        return channel;
    }

    void registered(SelectionKey key) {
        this.key = key;
    }

    /** The channel is readable: read once, hand the bytes over, and pause reading if output backs up. */
    void read() {
        ByteBuffer readBuffer = reactor.readBuffer();
        int n;
        try {
            n = channel.read(readBuffer);
        } catch (IOException e) {
            close();
            return;
        }
        if (n < 0) {
            dropInterest(SelectionKey.OP_READ);
            connection.onEof();
            return;
        }
        readBuffer.flip();
        try {
            connection.onBytes(readBuffer);
        } finally {
            readBuffer.clear();
        }
        if (!connection.readAllowed() && key.isValid()) {
            dropInterest(SelectionKey.OP_READ);
        }
    }

    @Override
    public void send(ByteBuffer bytes) {
        if (closed.get()) {
            return;
        }
        synchronized (writeQueue) {
            writeQueue.add(bytes);
        }
        if (reactor.inReactorThread()) {
            flush();
        } else if (flushScheduled.compareAndSet(false, true)) {
            reactor.execute(flushTask);
        }
    }

    private void scheduledFlush() {
        flushScheduled.set(false);
        flush();
    }

    /** Writes as much of the queue as the socket takes; reactor thread only. */
    void flush() {
        if (closed.get() || !key.isValid()) {
            return;
        }
        while (true) {
            ByteBuffer head;
            synchronized (writeQueue) {
                head = writeQueue.peek();
            }
            if (head == null) {
                break;
            }
            int n;
            try {
                n = channel.write(head);
            } catch (IOException e) {
                close();
                return;
            }
            if (n > 0) {
                connection.onWritten(n);
            }
            if (head.hasRemaining()) {
                addInterest(SelectionKey.OP_WRITE);
                return;
            }
            synchronized (writeQueue) {
                writeQueue.poll();
            }
            if (closed.get()) {
                return;
            }
        }
        if (key.isValid()) {
            dropInterest(SelectionKey.OP_WRITE);
            if (connection.readAllowed()) {
                addInterest(SelectionKey.OP_READ);
            }
        }
    }

    @Override
    public void shutdownInput() {
        reactor.execute(() -> {
            if (key != null && key.isValid() && !connection.readAllowed()) {
                dropInterest(SelectionKey.OP_READ);
            }
        });
    }

    @Override
    public void shutdownOutput() {
        reactor.execute(() -> {
            try {
                if (!closed.get() && channel.isOpen()) {
                    channel.shutdownOutput();
                }
            } catch (IOException e) {
                close();
                return;
            }
            // the close lingers: read on to see the peer's EOF
            if (!closed.get() && key != null && key.isValid() && connection.readAllowed()) {
                addInterest(SelectionKey.OP_READ);
            }
        });
    }

    @Override
    public void resumeReading() {
        reactor.execute(() -> {
            if (!closed.get()) {
                connection.readHeld();
            }
            if (!closed.get() && key != null && key.isValid() && connection.readAllowed()) {
                addInterest(SelectionKey.OP_READ);
            }
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            reactor.execute(() -> {
                if (key != null) {
                    key.cancel();
                }
                ServerLifecycle.closeQuietly(channel);
            });
            connection.onClosed();
        }
    }

    private void addInterest(int op) {
        int ops = key.interestOps();
        if ((ops & op) == 0) {
            key.interestOps(ops | op);
        }
    }

    private void dropInterest(int op) {
        int ops = key.interestOps();
        if ((ops & op) != 0) {
            key.interestOps(ops & ~op);
        }
    }
}
