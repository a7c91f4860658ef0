package netarena.load;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;

/**
 * Protocol v1 frames from the client side, on the shared codec: requests are written with
 * {@link FrameFormat#writeRequest} and answers read with {@link FrameDecoder#responses}, so there is one
 * copy of the wire rules.
 *
 * <p>Payloads come from one read-only pattern array shared by every connection: request {@code id}
 * carries {@code size} bytes starting at offset {@code id mod PATTERN_PERIOD}, so the bytes differ from
 * one request to the next (an answer to the wrong request does not compare equal) and writing one costs
 * a copy into the pooled buffer, no allocation. An ECHO answer must be exactly those bytes; a CPU answer
 * must be {@link RequestWork#cpu}{@code (id, arg)}, which the client computes in one multiply-add (see
 * {@link #factory}); DELAY and BLOCK answers must be empty.
 */
final class FrameClientProtocol implements ClientProtocol {

    /** Prime, so consecutive ids start at unrelated offsets for any payload size. */
    static final int PATTERN_PERIOD = 4093;

    private final Op op;
    private final int sizeBytes;
    private final long arg;
    private final byte[] pattern;
    private final long cpuMultiplier;
    private final long cpuAddend;
    private final FrameDecoder<Response> decoder = FrameDecoder.responses(FrameFormat.DEFAULT_MAX_FRAME_BYTES);

    private FrameClientProtocol(Op op, int sizeBytes, long arg, byte[] pattern, long cpuMultiplier, long cpuAddend) {
        this.op = op;
        this.sizeBytes = sizeBytes;
        this.arg = arg;
        this.pattern = pattern;
        this.cpuMultiplier = cpuMultiplier;
        this.cpuAddend = cpuAddend;
    }

    /**
     * A factory for requests of one shape. For CPU it evaluates {@link RequestWork#cpu} twice, here and
     * once: the work is {@code arg} rounds of an affine map x -> a*x + c (mod 2^64), and a composition of
     * affine maps is affine, so {@code cpu(id, arg) == A*id + C} with {@code C = cpu(0, arg)} and
     * {@code A = cpu(1, arg) - C}. Verifying an answer then costs one multiply-add instead of redoing the
     * server's work, and no constant of the work is copied here.
     */
    static ClientProtocol.Factory factory(Op op, int sizeBytes, long arg, long seed) {
        byte[] pattern = new byte[PATTERN_PERIOD + sizeBytes];
        new SplittableRandom(seed).nextBytes(pattern);
        long addend = op == Op.CPU ? RequestWork.cpu(0, arg) : 0;
        long multiplier = op == Op.CPU ? RequestWork.cpu(1, arg) - addend : 0;
        return () -> new FrameClientProtocol(op, sizeBytes, arg, pattern, multiplier, addend);
    }

    @Override
    public int requestBytes() {
        return FrameFormat.requestWireBytes(sizeBytes);
    }

    @Override
    public void encode(long id, ByteBuf out) {
        int bytes = requestBytes();
        out.ensureWritable(bytes);
        int at = out.writerIndex();
        ByteBuffer nio = out.internalNioBuffer(at, bytes);
        FrameFormat.writeRequest(nio, op.code(), id, arg, pattern, offset(id), sizeBytes);
        out.writerIndex(at + bytes);
    }

    @Override
    public void decode(ByteBuf in, AnswerSink sink) {
        int start = in.readerIndex();
        ByteBuffer nio = in.nioBufferCount() == 1
                ? in.internalNioBuffer(start, in.readableBytes())
                : in.nioBuffer(start, in.readableBytes());
        int base = nio.position();
        try {
            for (Response r = decoder.decode(nio); r != null; r = decoder.decode(nio)) {
                verify(r, sink);
            }
        } finally {
            in.readerIndex(start + nio.position() - base);
        }
    }

    private void verify(Response r, AnswerSink sink) {
        long id = r.id();
        switch (r.status()) {
            case BAD_REQUEST -> sink.answer(id, Verdict.BAD_REQUEST, null);
            case BAD_FRAME -> sink.answer(id, Verdict.BAD_FRAME, null);
            case BUSY -> sink.answer(id, Verdict.BUSY, null);
            case OK -> {
                String wrong = checkBody(id, r.payload());
                sink.answer(id, wrong == null ? Verdict.OK : Verdict.MISMATCH, wrong);
            }
        }
    }

    /** Null when the body is right, else what is wrong with it. */
    private String checkBody(long id, byte[] body) {
        switch (op) {
            case ECHO -> {
                if (body.length != sizeBytes) {
                    return "echo of id " + id + " has " + body.length + " bytes, sent " + sizeBytes;
                }
                int from = offset(id);
                int at = Arrays.mismatch(body, 0, sizeBytes, pattern, from, from + sizeBytes);
                return at < 0 ? null : "echo of id " + id + " differs from what was sent at byte " + at;
            }
            case CPU -> {
                if (body.length != 8) {
                    return "cpu answer of id " + id + " has " + body.length + " bytes, expected 8";
                }
                long got = ByteBuffer.wrap(body).getLong();
                long expected = cpuMultiplier * id + cpuAddend;
                return got == expected ? null
                        : "cpu answer of id " + id + " is " + Long.toUnsignedString(got) + ", expected "
                                + Long.toUnsignedString(expected);
            }
            default -> {
                return body.length == 0 ? null
                        : op.label() + " answer of id " + id + " has " + body.length + " bytes, expected none";
            }
        }
    }

    private static int offset(long id) {
        return (int) Long.remainderUnsigned(id, PATTERN_PERIOD);
    }
}
