package netarena.server.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection over a blocking {@link Socket}, for the models that give each connection a thread of
 * its own (platform or virtual). The connection's thread runs {@link #readLoop}; answers are written by
 * whichever thread finishes the request, under a lock ({@link ReentrantLock}, not {@code synchronized},
 * so a virtual thread blocked in a write does not pin its carrier on JDKs before 24).
 *
 * <p>A worker writing to a client that has stopped reading blocks in the write once the socket buffer is
 * full: that holds one worker, the known cost of blocking writes. The reader meanwhile stops reading at
 * {@code maxPendingBytes}, so memory stays bounded.
 */
public final class BlockingSocketIo implements ConnectionIo {

    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Connection connection;

    public BlockingSocketIo(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Admits the socket; false when it was refused (and is now closed). */
    public boolean admit(ServerRuntime runtime) {
        connection = runtime.admit(this);
        if (connection == null) {
            closeQuietly();
            return false;
        }
        return true;
    }

    /**
     * Reads until EOF, the socket's close or an error; runs on the connection's own thread. After bad input or
     * a graceful stop it waits, then reads on while the close lingers, so that it sees the peer's EOF.
     */
    public void readLoop() {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        try {
            InputStream in = socket.getInputStream();
            while (connection.awaitReadAllowed()) {
                int n = in.read(buffer);
                if (n < 0) {
                    connection.onEof();
                    return;
                }
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
