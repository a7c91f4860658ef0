package netarena.server.core;

/**
 * How big the next read buffer of one connection should be, guessed from its last reads as Netty's adaptive
 * receive allocator does: a read that fills the buffer doubles the next one (up to {@link #MAX_BYTES}), a read
 * under a quarter of it halves the next one (down to {@link #MIN_BYTES}). A model whose read waits with the
 * buffer in hand (a blocking read, a posted completion read) then holds {@link #MIN_BYTES} while its connection
 * is idle after small requests, not a buffer sized for the largest. One per connection, on its reading thread.
 */
public final class ReadSizer {

    /**
     * The smallest read buffer, in bytes: what an idle connection holds. Not less: a graceful stop answers
     * the requests already read, and three pipelined HTTP requests (about 45 B each) must arrive in one read
     * (at 128 B the blocking models answered 200 of 300 in the fault suite's SIGTERM scenario).
     */
    public static final int MIN_BYTES = 512;
    /** The largest read buffer, in bytes: a read takes at most this much from the socket at once. */
    public static final int MAX_BYTES = 16 * 1024;

    private int nextBytes = MIN_BYTES;

    /** Bytes the next read buffer should have. */
    public int nextBytes() {
        return nextBytes;
    }

    /** Records a read of {@code bytesRead} bytes into a buffer of {@code capacity} bytes. */
    public void record(int bytesRead, int capacity) {
        if (bytesRead >= capacity) {
            nextBytes = Math.min(MAX_BYTES, capacity * 2);
        } else if (bytesRead < capacity / 4) {
            nextBytes = Math.max(MIN_BYTES, capacity / 2);
        } else {
            nextBytes = capacity;
        }
    }

    /** {@code buffer} if it has the size the next read should have, else a new heap buffer of that size. */
    public byte[] fit(byte[] buffer) {
        return buffer != null && buffer.length == nextBytes ? buffer : new byte[nextBytes];
    }
}
