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
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.Op;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpServerCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTTP client codec against the shared server codec, with byte arrays: no sockets. */
class HttpClientProtocolTest {

    record Answer(long id, Verdict verdict, int status, String detail) {
    }

    /** Records answers; HTTP statuses outside 2xx as their own kind. */
    static final class Sink implements ClientProtocol.AnswerSink {
        final List<Answer> answers = new ArrayList<>();

        @Override
        public void answer(long id, Verdict verdict, String detail) {
            answers.add(new Answer(id, verdict, 0, detail));
        }

        @Override
        public void httpStatus(long id, int statusCode) {
            answers.add(new Answer(id, Verdict.HTTP_STATUS, statusCode, null));
        }
    }

    private static LoadPlan plan(Op op, int size, long arg) {
        return LoadPlan.to("127.0.0.1", 8080).withTarget(t -> t.withProtocol(WireProtocol.HTTP)).withRequest(q -> q
                .withOp(op, size, arg));
    }

    private static byte[] encode(ClientProtocol p, long... ids) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        try {
            for (long id : ids) {
                int before = out.readableBytes();
                p.encode(id, out);
                assertTrue(out.readableBytes() - before <= p.requestBytes(), "requestBytes is an upper bound");
            }
            byte[] wire = new byte[out.readableBytes()];
            out.readBytes(wire);
            return wire;
        } finally {
            out.release();
        }
    }

    /** Runs {@code wire} through the server codec and the shared work; returns the requests and the answer bytes. */
    private static byte[] serve(byte[] wire, List<Request> requests) {
        HttpServerCodec codec = new HttpServerCodec(ProtocolLimits.defaults());
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        codec.decode(ByteBuffer.wrap(wire), r -> {
            requests.add(r);
            Response rejected = RequestWork.rejection(r);
            ByteBuffer b = codec.encode(rejected != null ? rejected : RequestWork.run(r));
            answers.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        });
        return answers.toByteArray();
    }

    private static List<Answer> decodeSplitAt(ClientProtocol p, byte[] wire, int cut) {
        Sink sink = new Sink();
        for (ByteBuf in : new ByteBuf[] {Unpooled.wrappedBuffer(wire, 0, cut), Unpooled.wrappedBuffer(wire, cut, wire.length - cut)}) {
            p.decode(in, sink);
            assertEquals(0, in.readableBytes(), "every byte consumed");
        }
        return sink.answers;
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOpRoundTripsThroughTheServerCodecSplitAnywhere(Op op) {
        long arg = op == Op.CPU ? 1_000 : op == Op.ECHO ? 0 : 5;
        ClientProtocol.Factory factory = ClientProtocol.factory(plan(op, 100, arg));
        long[] ids = {(1L << 40) | 1, (1L << 40) | 2, (7L << 40) | 123_456};
        ClientProtocol probe = factory.newConnection();
        List<Request> requests = new ArrayList<>();
        byte[] answers = serve(encode(probe, ids), requests);
        assertEquals(3, requests.size());
        for (Request r : requests) {
            assertEquals(op, r.op());
            assertEquals(op == Op.ECHO ? 0 : arg, r.arg());
            assertEquals(op == Op.ECHO ? 100 : 0, r.payload().length, "only echo carries a body");
        }
        if (op == Op.CPU) {
            assertEquals(ids[2], requests.get(2).id(), "the cpu seed is the request id");
        }
        for (int cut = 0; cut <= answers.length; cut += op == Op.ECHO ? 7 : 1) {
            ClientProtocol p = factory.newConnection();
            encode(p, ids);
            List<Answer> got = decodeSplitAt(p, answers, cut);
            assertEquals(List.of(ids[0], ids[1], ids[2]), got.stream().map(Answer::id).toList(), "cut " + cut);
            for (Answer a : got) {
                assertEquals(Verdict.OK, a.verdict(), a.detail());
            }
            assertFalse(p.serverClosing());
        }
    }

    @Test
    void aWrongCpuAnswerOrEchoIsAMismatchNamingTheId() {
        ClientProtocol cpu = ClientProtocol.factory(plan(Op.CPU, 0, 10)).newConnection();
        encode(cpu, 5);
        Sink sink = new Sink();
        cpu.decode(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n42", StandardCharsets.US_ASCII), sink);
        assertEquals(Verdict.MISMATCH, sink.answers.get(0).verdict());
        assertTrue(sink.answers.get(0).detail().contains("cpu answer of id 5 is '42', expected "
                + Long.toUnsignedString(RequestWork.cpu(5, 10))), sink.answers.get(0).detail());

        ClientProtocol echo = ClientProtocol.factory(plan(Op.ECHO, 3, 0)).newConnection();
        encode(echo, 9);
        sink = new Sink();
        echo.decode(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nab", StandardCharsets.US_ASCII), sink);
        assertEquals("echo of id 9 has 2 bytes, sent 3", sink.answers.get(0).detail());
    }

    @Test
    void answersOutside2xxAreReportedByStatusWithoutCheckingTheBody() {
        ClientProtocol p = ClientProtocol.factory(plan(Op.DELAY, 0, 1)).newConnection();
        encode(p, 1, 2);
        Sink sink = new Sink();
        p.decode(Unpooled.copiedBuffer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy"
                + "HTTP/1.1 204 No Content\r\n\r\n", StandardCharsets.US_ASCII), sink);
        assertEquals(List.of(new Answer(1, Verdict.HTTP_STATUS, 503, null), new Answer(2, Verdict.OK, 0, null)),
                sink.answers);
    }

    @Test
    void anAnnouncedCloseEndsTheConnectionsAnswers() {
        ClientProtocol p = ClientProtocol.factory(plan(Op.DELAY, 0, 1)).newConnection();
        encode(p, 1, 2, 3);
        Sink sink = new Sink();
        ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", StandardCharsets.US_ASCII);
        p.decode(in, sink);
        assertEquals(List.of(1L, 2L), sink.answers.stream().map(Answer::id).toList());
        assertTrue(p.serverClosing());
        assertEquals(0, in.readableBytes(), "what follows the closing answer is dropped");
    }

    @Test
    void anAnswerWithNothingOutstandingBreaksTheStream() {
        ClientProtocol p = ClientProtocol.factory(plan(Op.DELAY, 0, 1)).newConnection();
        ByteBuf in = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", StandardCharsets.US_ASCII);
        ProtocolException e = assertThrows(ProtocolException.class, () -> p.decode(in, new Sink()));
        assertTrue(e.getMessage().contains("no request outstanding"));
        ByteBuf notHttp = Unpooled.copiedBuffer("SSH-2.0-OpenSSH\r\n", StandardCharsets.US_ASCII);
        ClientProtocol q = ClientProtocol.factory(plan(Op.DELAY, 0, 1)).newConnection();
        encode(q, 1);
        assertThrows(ProtocolException.class, () -> q.decode(notHttp, new Sink()));
    }

    @Test
    void aCustomRequestExpectsTheLengthOfTheRunsFirstAnswer() {
        LoadPlan plan = plan(Op.ECHO, 64, 0).withRequest(q -> q.withHttp(HttpRequestSpec.custom("GET", "/index.html",
                List.of("Host: example.org", "X-Load: 1"), 0)));
        ClientProtocol.Factory factory = ClientProtocol.factory(plan);
        ClientProtocol a = factory.newConnection();
        ClientProtocol b = factory.newConnection();
        String head = new String(encode(a, 1, 2), StandardCharsets.US_ASCII);
        assertEquals(("GET /index.html HTTP/1.1\r\nHost: example.org\r\nX-Load: 1\r\n\r\n").repeat(2), head);
        encode(b, 3);
        Sink sink = new Sink();
        a.decode(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nworld", StandardCharsets.US_ASCII), sink);
        b.decode(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nhell", StandardCharsets.US_ASCII), sink);
        assertEquals(List.of(Verdict.OK, Verdict.OK, Verdict.MISMATCH), sink.answers.stream().map(Answer::verdict).toList());
        assertEquals("answer of id 3 has 4 body bytes; the first 2xx answer of the run had 5", sink.answers.get(2).detail());
        assertNull(sink.answers.get(0).detail());
    }

    @Test
    void aCustomPostToEchoSendsItsBodyAndExpectsItBack() {
        LoadPlan plan = plan(Op.ECHO, 64, 0).withRequest(q -> q
                .withHttp(HttpRequestSpec.custom("POST", "/echo?x=1", List.of(), 10)));
        ClientProtocol p = ClientProtocol.factory(plan).newConnection();
        List<Request> requests = new ArrayList<>();
        byte[] answers = serve(encode(p, 42), requests);
        PayloadPattern pattern = PayloadPattern.of(plan.request().seed(), 10);
        byte[] expected = java.util.Arrays.copyOfRange(pattern.bytes(), pattern.offset(42), pattern.offset(42) + 10);
        assertArrayEquals(expected, requests.get(0).payload());
        Sink sink = new Sink();
        p.decode(Unpooled.wrappedBuffer(answers), sink);
        assertEquals(Verdict.OK, sink.answers.get(0).verdict(), sink.answers.get(0).detail());
    }
}
