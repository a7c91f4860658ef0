package netarena.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.ProtocolException;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.Status;
import org.junit.jupiter.api.Test;

/** The client codec against the shared server-side codec, with byte arrays: no sockets. */
class FrameClientProtocolTest {

    record Answer(long id, Verdict verdict, String detail) {
    }

    private static Request encodeAndReadBack(ClientProtocol p, long id) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(p.requestBytes());
        try {
            p.encode(id, out);
            assertEquals(p.requestBytes(), out.readableBytes());
            byte[] wire = new byte[out.readableBytes()];
            out.readBytes(wire);
            return FrameDecoder.requests(FrameFormat.DEFAULT_MAX_FRAME_BYTES).decode(ByteBuffer.wrap(wire));
        } finally {
            out.release();
        }
    }

    private static List<Answer> decode(ClientProtocol p, byte[]... chunks) {
        List<Answer> answers = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuf in = Unpooled.wrappedBuffer(chunk);
            p.decode(in, (id, verdict, detail) -> answers.add(new Answer(id, verdict, detail)));
            assertEquals(0, in.readableBytes(), "every byte consumed");
        }
        return answers;
    }

    private static byte[] wire(Response r) {
        ByteBuffer b = FrameFormat.encodeResponse(r);
        return Arrays.copyOfRange(b.array(), 0, b.remaining());
    }

    @Test
    void writesRequestsTheServerCodecReads() {
        ClientProtocol p = FrameClientProtocol.factory(Op.CPU, 100, 4242, 1).newConnection();
        Request r = encodeAndReadBack(p, 77);
        assertEquals(Op.CPU, r.op());
        assertEquals(77, r.id());
        assertEquals(4242, r.arg());
        assertEquals(100, r.payload().length);
    }

    @Test
    void payloadDependsOnTheIdSoSwappedAnswersDoNotMatch() {
        ClientProtocol p = FrameClientProtocol.factory(Op.ECHO, 64, 0, 1).newConnection();
        byte[] a = encodeAndReadBack(p, 1).payload();
        byte[] b = encodeAndReadBack(p, 2).payload();
        assertFalse(Arrays.equals(a, b));
        List<Answer> answers = decode(p, wire(new Response(Status.OK, 2, a)));
        assertEquals(Verdict.MISMATCH, answers.get(0).verdict());
    }

    @Test
    void echoAnswerEqualToTheRequestIsOkAndOneFlippedByteIsAMismatch() {
        ClientProtocol p = FrameClientProtocol.factory(Op.ECHO, 300, 0, 9).newConnection();
        long id = (3L << LoadConnection.SEQ_BITS) | 12345;
        byte[] sent = encodeAndReadBack(p, id).payload();
        byte[] bad = sent.clone();
        bad[299] ^= 1;
        byte[] shortOne = Arrays.copyOf(sent, 299);
        List<Answer> answers = decode(p, wire(new Response(Status.OK, id, sent)), wire(new Response(Status.OK, id, bad)),
                wire(new Response(Status.OK, id, shortOne)));
        assertEquals(new Answer(id, Verdict.OK, null), answers.get(0));
        assertEquals(Verdict.MISMATCH, answers.get(1).verdict());
        assertTrue(answers.get(1).detail().contains("byte 299"), answers.get(1).detail());
        assertEquals(Verdict.MISMATCH, answers.get(2).verdict());
    }

    @Test
    void cpuShortcutEqualsRequestWorkForAnyIdAndArg() {
        SplittableRandom random = new SplittableRandom(3);
        for (long arg : new long[] {0, 1, 2, 1_000, 123_457}) {
            ClientProtocol p = FrameClientProtocol.factory(Op.CPU, 0, arg, 1).newConnection();
            for (int i = 0; i < 20; i++) {
                long id = random.nextLong();
                byte[] right = RequestWork.u64(RequestWork.cpu(id, arg));
                byte[] wrong = RequestWork.u64(RequestWork.cpu(id, arg) + 1);
                List<Answer> answers = decode(p, wire(new Response(Status.OK, id, right)),
                        wire(new Response(Status.OK, id, wrong)));
                assertEquals(Verdict.OK, answers.get(0).verdict(), "arg " + arg + " id " + id);
                assertEquals(Verdict.MISMATCH, answers.get(1).verdict());
            }
        }
    }

    @Test
    void statusesBecomeVerdictsAndEmptyBodiesAreRightForDelay() {
        ClientProtocol p = FrameClientProtocol.factory(Op.DELAY, 8, 10, 1).newConnection();
        List<Answer> answers = decode(p, wire(Response.of(Status.OK, 5)), wire(Response.of(Status.BAD_REQUEST, 6)),
                wire(Response.of(Status.BUSY, 7)), wire(Response.of(Status.BAD_FRAME, 0)),
                wire(new Response(Status.OK, 8, new byte[] {1})));
        assertEquals(List.of(Verdict.OK, Verdict.BAD_REQUEST, Verdict.BUSY, Verdict.BAD_FRAME, Verdict.MISMATCH),
                answers.stream().map(Answer::verdict).toList());
        assertNull(answers.get(0).detail());
    }

    @Test
    void answersSplitAcrossReadsAreReassembled() {
        ClientProtocol p = FrameClientProtocol.factory(Op.ECHO, 1000, 0, 2).newConnection();
        byte[] payload = encodeAndReadBack(p, 42).payload();
        byte[] both = new byte[0];
        for (long id : new long[] {42, 42}) {
            byte[] w = wire(new Response(Status.OK, id, payload));
            byte[] joined = Arrays.copyOf(both, both.length + w.length);
            System.arraycopy(w, 0, joined, both.length, w.length);
            both = joined;
        }
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < both.length; at += 7) {
            chunks.add(Arrays.copyOfRange(both, at, Math.min(both.length, at + 7)));
        }
        List<Answer> answers = decode(p, chunks.toArray(byte[][]::new));
        assertEquals(2, answers.size());
        assertTrue(answers.stream().allMatch(a -> a.verdict() == Verdict.OK));
    }

    @Test
    void bytesThatAreNotFramesAreAProtocolError() {
        ClientProtocol p = FrameClientProtocol.factory(Op.ECHO, 0, 0, 2).newConnection();
        byte[] garbage = ByteBuffer.allocate(13).putInt(3).array(); // length 3 is below the minimum 9
        assertThrows(ProtocolException.class, () -> decode(p, garbage));
        byte[] unknownStatus = wire(Response.of(Status.OK, 1));
        unknownStatus[4] = 9;
        ClientProtocol q = FrameClientProtocol.factory(Op.ECHO, 0, 0, 2).newConnection();
        assertThrows(ProtocolException.class, () -> decode(q, unknownStatus));
    }

    @Test
    void requestsOfOneShapeShareOnePatternAcrossConnections() {
        ClientProtocol.Factory f = FrameClientProtocol.factory(Op.ECHO, 32, 0, 5);
        assertArrayEquals(encodeAndReadBack(f.newConnection(), 9).payload(),
                encodeAndReadBack(f.newConnection(), 9).payload());
    }
}
