package netarena.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random and truncated byte streams in random chunk sizes. A failure prints the
 * seed and case so it can be replayed with {@code -Dfuzz.seed=N}.
 */
class FrameDecoderFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 0x5EEDL);
    private static final int CASES = 10_000;
    private static final int MAX = 64 * 1024;

    @Test
    void arbitraryBytesOnlyEverRaiseTheProtocolsOwnError() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (random.nextBoolean() && bytes.length >= 4) {
                // often a plausible length, so decoding goes past the length check
                ByteBuffer.wrap(bytes).putInt(13 + random.nextInt(64));
            }
            FrameDecoder<Request> decoder = FrameDecoder.requests(MAX);
            try {
                feedInChunks(decoder, bytes, random);
            } catch (ProtocolException expected) {
                // the protocol's own error: fine
            } catch (RuntimeException e) {
                fail("seed " + SEED + " case " + c + ": " + e, e);
            }
        }
    }

    @Test
    void validFramesRoundTripInAnyChunking() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            List<Request> sent = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            ByteBuffer wire = ByteBuffer.allocate(count * (17 + 2048));
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[random.nextInt(2048)];
                random.nextBytes(payload);
                Request r = new Request(random.nextInt(256), random.nextLong(), random.nextLong() & 0xFFFF_FFFFL, payload);
                sent.add(r);
                wire.put(FrameFormat.encodeRequest(r));
            }
            byte[] bytes = java.util.Arrays.copyOf(wire.array(), wire.position());
            List<Request> got = feedInChunks(FrameDecoder.requests(MAX), bytes, random);
            assertEquals(sent.size(), got.size(), "seed " + SEED + " case " + c);
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(sent.get(i).opCode(), got.get(i).opCode(), "seed " + SEED + " case " + c);
                assertEquals(sent.get(i).id(), got.get(i).id(), "seed " + SEED + " case " + c);
                assertEquals(sent.get(i).arg(), got.get(i).arg(), "seed " + SEED + " case " + c);
                assertArrayEquals(sent.get(i).payload(), got.get(i).payload(), "seed " + SEED + " case " + c);
            }
        }
    }

    @Test
    void truncatedFramesYieldNothingAndNoError() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            byte[] payload = new byte[random.nextInt(512)];
            byte[] whole = FrameFormat.encodeRequest(new Request(1, c, 0, payload));
            byte[] cut = java.util.Arrays.copyOf(whole, random.nextInt(whole.length));
            assertEquals(0, feedInChunks(FrameDecoder.requests(MAX), cut, random).size(), "seed " + SEED + " case " + c);
        }
    }

    private static List<Request> feedInChunks(FrameDecoder<Request> decoder, byte[] bytes, SplittableRandom random) {
        return SocketChunks.decodeAll(bytes, random, "decoder", decoder::decode);
    }
}
