package netarena.load;

import java.nio.ByteBuffer;
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
 * <p>Every op carries its payload from the run's {@link PayloadPattern} (a copy into the pooled buffer, no
 * allocation). An ECHO answer must be exactly those bytes; a CPU answer must be
 * {@link RequestWork#cpu}{@code (id, arg)}, computed in one multiply-add ({@link CpuAnswers}); DELAY and
 * BLOCK answers must be empty.
 */
final class FrameClientProtocol implements ClientProtocol {

    private final Op op;
    private final int sizeBytes;
    private final long arg;
    private final PayloadPattern pattern;
    private final CpuAnswers cpu;
    private final FrameDecoder<Response> decoder = FrameDecoder.responses(FrameFormat.DEFAULT_MAX_FRAME_BYTES);

    private FrameClientProtocol(Op op, long arg, PayloadPattern pattern, CpuAnswers cpu) {
        this.op = op;
        this.sizeBytes = pattern.size();
        this.arg = arg;
        this.pattern = pattern;
        this.cpu = cpu;
    }

    /** A factory for requests of one shape; the pattern and the CPU answers are computed here, once. */
    static ClientProtocol.Factory factory(Op op, int sizeBytes, long arg, long seed) {
        PayloadPattern pattern = PayloadPattern.of(seed, sizeBytes);
        CpuAnswers cpu = op == Op.CPU ? CpuAnswers.of(arg) : null;
        return () -> new FrameClientProtocol(op, arg, pattern, cpu);
    }

    @Override
    public int requestBytes() {
        return FrameFormat.requestWireBytes(sizeBytes);
    }

    @Override
    public void writeRequest(long id, ByteBuffer out) {
        FrameFormat.writeRequest(out, op.code(), id, arg, pattern.bytes(), pattern.offset(id), sizeBytes);
    }

    @Override
    public void readAnswers(ByteBuffer in, AnswerSink sink) {
        for (Response r = decoder.decode(in); r != null; r = decoder.decode(in)) {
            verify(r, sink);
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
                return pattern.mismatch(id, body);
            }
            case CPU -> {
                if (body.length != 8) {
                    return "cpu answer of id " + id + " has " + body.length + " bytes, expected 8";
                }
                long got = ByteBuffer.wrap(body).getLong();
                long expected = cpu.expected(id);
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
}
