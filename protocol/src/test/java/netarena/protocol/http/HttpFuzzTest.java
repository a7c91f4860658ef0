package netarena.protocol.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import netarena.protocol.Op;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.SocketChunks;
import netarena.protocol.Status;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of the HTTP codecs: arbitrary and mutated bytes in arbitrary chunk sizes, and
 * random valid pipelines. A failure names the seed and case; replay with {@code -Dfuzz.seed=N}.
 */
class HttpFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 0x4854_5450L);
    private static final int CASES = 10_000;
    private static final ProtocolLimits LIMITS = new ProtocolLimits(4096, 512);

    @Test
    void arbitraryBytesOnlyEverRaiseTheProtocolsOwnErrorWithAClosingReply() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = switch (c % 3) {
                case 0 -> randomBytes(random);
                case 1 -> HttpRequestGenerator.mutate(random, HttpRequestGenerator.pipeline(random, 3).wire());
                default -> HttpRequestGenerator.tokenSoup(random);
            };
            ServerSim sim = new ServerSim(LIMITS, HttpFuzzTest::cheapWork);
            try {
                feedInChunks(sim, bytes, random);
                if (sim.error != null) {
                    HttpResponse last = sim.responses().getLast();
                    assertEquals("close", last.header("connection"), where(c));
                }
            } catch (RuntimeException | AssertionError e) {
                fail(where(c) + ": " + e, e);
            }
        }
    }

    @Test
    void validPipelinesRoundTripInAnyChunking() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            HttpRequestGenerator.Pipeline sent = HttpRequestGenerator.pipeline(random, 1 + random.nextInt(5));
            ServerSim sim = new ServerSim(LIMITS, ServerSim::runWithoutWaiting);
            feedInChunks(sim, sent.wire(), random);
            try {
                assertEquals(null, sim.error, where(c));
                List<HttpRequestGenerator.Expected> expected = sent.expected();
                assertEquals(expected.size(), sim.requests.size(), where(c));
                List<HttpResponse> got = decodeInChunks(sim.written.toByteArray(), random);
                assertEquals(expected.size(), got.size(), where(c));
                for (int i = 0; i < expected.size(); i++) {
                    HttpRequestGenerator.Expected e = expected.get(i);
                    Request r = sim.requests.get(i);
                    assertEquals(e.request().opCode(), r.opCode(), where(c));
                    assertEquals(e.request().id(), r.id(), where(c));
                    assertEquals(e.request().arg(), r.arg(), where(c));
                    assertArrayEquals(e.request().payload(), r.payload(), where(c));
                    assertEquals(e.status(), got.get(i).statusCode(), where(c));
                    assertArrayEquals(e.body(), got.get(i).body(), where(c));
                    assertEquals(e.keepAlive(), got.get(i).keepAlive(), where(c));
                    assertEquals(Integer.toString(e.body().length), got.get(i).header("content-length"), where(c));
                }
                assertEquals(!expected.getLast().keepAlive(), sim.closed, where(c));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nwire:\n" + new String(sent.wire(), StandardCharsets.ISO_8859_1), e);
            }
        }
    }

    @Test
    void arbitraryBytesOnlyEverRaiseTheProtocolsOwnErrorInTheResponseDecoder() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int c = 0; c < CASES; c++) {
            byte[] bytes = c % 2 == 0 ? randomBytes(random) : HttpRequestGenerator.mutate(random, validResponses(random));
            try {
                decodeInChunks(bytes, random);
            } catch (ProtocolException expected) {
                // the protocol's own error: fine
            } catch (RuntimeException e) {
                fail(where(c) + ": " + e, e);
            }
        }
    }

    /** Mutated requests may ask for a second of CPU; the answer's content does not matter here. */
    private static Response cheapWork(Request r) {
        return r.op() == Op.CPU && RequestWork.rejection(r) == null ? new Response(Status.OK, r.id(), RequestWork.u64(r.arg()))
                : ServerSim.runWithoutWaiting(r);
    }

    private static byte[] validResponses(SplittableRandom random) {
        ServerSim sim = new ServerSim(LIMITS, ServerSim::runWithoutWaiting);
        sim.feed(HttpRequestGenerator.pipeline(random, 2).wire(), new int[0]);
        return sim.written.toByteArray();
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Feeds like a socket would; ServerSim fails if decode leaves bytes behind. */
    private static void feedInChunks(ServerSim sim, byte[] bytes, SplittableRandom random) {
        SocketChunks.feed(bytes, random, () -> sim.closed, sim::feed);
    }

    private static List<HttpResponse> decodeInChunks(byte[] bytes, SplittableRandom random) {
        return SocketChunks.decodeAll(bytes, random, "response decoder", new HttpResponseDecoder(LIMITS)::decode);
    }

    private static String where(int c) {
        return "seed " + SEED + " case " + c + " (replay with -Dfuzz.seed=" + SEED + ")";
    }
}
