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

    /**
     * Input has ended: stop reading once {@link Connection#readAllowed} says so (no more requests will be
     * taken). Never shut the socket's input: a lingering close reads on to see the peer's EOF, which a
     * shut input would fake. Any thread.
     */
    void shutdownInput();

    /**
     * Shuts the output once everything queued is written: the peer reads every answer, then EOF. Called
     * once nothing is left to write, to begin a lingering close: the model then reads again (what arrives is
     * dropped) and reports the peer's EOF to {@link Connection#onEof}, which closes at once. Any thread.
     */
    void shutdownOutput();

    /**
     * Reading was refused for want of server-wide memory, or for the connection's own limits, and may now be
     * allowed: on the reading side, let the connection decode what it held back ({@link Connection#readHeld}),
     * then re-check {@link Connection#readAllowed} and read again if so. Any thread (the reaper, or the
     * thread that counts out a request that held the connection at its limits). Blocking models need nothing
     * here: their reader waits in {@link Connection#awaitReadAllowed}, which the connection wakes.
     */
    default void resumeReading() {
    }

    /**
     * Closes the socket now, then calls {@link Connection#onClosed}. The shared code calls it once nothing
     * is left to write, or to give up on what is left (the end of a grace period, the idle timeout). Any
     * thread; idempotent.
     */
    void close();
}
