package netarena.server.core;

import java.nio.ByteBuffer;

/**
 * Bytes a connection read and did not decode yet, because it reached its own limits (max-pipelined,
 * max-pending) partway through one read: the codec stops right after the request that reached them, and
 * the rest waits here until answers make room. The model reads nothing more from the socket meanwhile
 * ({@link Connection#readAllowed} is false), so this holds at most what one read brought.
 *
 * <p>Threads: changed by the connection's reading thread only (or whichever thread holds the model's
 * reading turn, for the async model); {@link #isEmpty} may be read by any thread.
 */
final class HeldInput {

    /** In read mode; null when nothing is held. */
    private volatile ByteBuffer bytes;

    boolean isEmpty() {
        return bytes == null;
    }

    /** What is held, to decode from (its position moves as requests are taken); never null unless empty. */
    ByteBuffer bytes() {
        return bytes;
    }

    /**
     * Appends what is left of {@code in}, copied (the model reuses its buffer), and consumes it.
     *
     * @return the change in bytes of memory held
     */
    int keep(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return 0;
        }
        ByteBuffer old = bytes;
        int oldCapacity = old == null ? 0 : old.capacity();
        ByteBuffer copy = ByteBuffer.allocate((old == null ? 0 : old.remaining()) + in.remaining());
        if (old != null) {
            copy.put(old);
        }
        bytes = copy.put(in).flip();
        return copy.capacity() - oldCapacity;
    }

    /**
     * Lets go of what was decoded: everything once nothing remains, or all of it when {@code dropAll}.
     *
     * @return the change in bytes of memory held (zero or negative)
     */
    int release(boolean dropAll) {
        ByteBuffer held = bytes;
        if (held == null || (held.hasRemaining() && !dropAll)) {
            return 0;
        }
        bytes = null;
        return -held.capacity();
    }
}
