package netarena.server.core;

import java.nio.ByteBuffer;

/**
 * The model's half of one connection: how bytes leave and how the socket is shut. The shared
 * {@link Connection} calls it; each model implements it in the way its I/O model moves bytes.
 */
public interface ConnectionIo {

    /**
     * Queues {@code bytes} to be written after everything queued before, and reports each written part
     * to {@link Connection#onWritten}. Any thread. After the connection closed it drops the bytes.
     */
    void send(ByteBuffer bytes);

    /** Stops reading: no more requests will be taken from this connection. Any thread. */
    void shutdownInput();

    /** Closes the socket now (nothing is left to write when the shared code calls it), then calls {@link Connection#onClosed}. Any thread; idempotent. */
    void close();
}
