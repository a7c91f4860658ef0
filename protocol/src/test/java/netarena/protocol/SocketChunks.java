package netarena.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Bytes handed over as a socket hands them to a reader: in pieces of 1 to {@link #MAX_PIECE} bytes, cut
 * where {@code random} says, so a fuzz test's seed replays the same cuts.
 */
public final class SocketChunks {

    /** The largest piece: small enough that most messages arrive in several. */
    public static final int MAX_PIECE = 64;

    private SocketChunks() {
    }

    /** Hands {@code bytes} to {@code reader} piece by piece, until they are all given or {@code stop} is true. */
    public static void feed(byte[] bytes, SplittableRandom random, BooleanSupplier stop, Consumer<ByteBuffer> reader) {
        for (int at = 0; at < bytes.length && !stop.getAsBoolean(); ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(MAX_PIECE));
            reader.accept(ByteBuffer.wrap(bytes, at, n));
            at += n;
        }
    }

    /**
     * Every message {@code decode} returns from {@code bytes} fed piece by piece; {@code decode} returns null
     * when a piece holds no whole message more.
     *
     * @throws AssertionError naming {@code decoder} when it leaves bytes of a piece unconsumed
     */
    public static <T> List<T> decodeAll(byte[] bytes, SplittableRandom random, String decoder,
            Function<ByteBuffer, T> decode) {
        List<T> got = new ArrayList<>();
        feed(bytes, random, () -> false, piece -> {
            for (T m = decode.apply(piece); m != null; m = decode.apply(piece)) {
                got.add(m);
            }
            if (piece.hasRemaining()) {
                throw new AssertionError("the " + decoder + " left bytes unconsumed");
            }
        });
        return got;
    }
}
