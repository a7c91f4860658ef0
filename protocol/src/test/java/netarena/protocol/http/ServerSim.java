package netarena.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import netarena.protocol.Op;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;

/**
 * What the server's Connection does with a codec, without sockets or threads: decode, run each request at
 * once on the calling thread (DELAY and BLOCK answered without waiting), encode, stop after
 * {@code closesAfter} or a protocol error. Tests read what was written back with {@link HttpResponseDecoder}.
 *
 * <p>The first {@link #feed(String)} on a fresh sim also checks that the same bytes split in two at every
 * byte boundary get exactly the same answers, so every test request is a split test too.
 */
final class ServerSim {

    static final Instant NOW = Instant.parse("1994-11-06T08:49:37Z");
    static final ProtocolLimits LIMITS = new ProtocolLimits(64 * 1024, ProtocolLimits.DEFAULT_MAX_HEADER_BYTES);

    final HttpServerCodec codec;
    final List<Request> requests = new ArrayList<>();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ProtocolLimits limits;
    private final Function<Request, Response> work;
    private boolean fed;
    boolean closed;
    String error;

    ServerSim() {
        this(LIMITS, ServerSim::runWithoutWaiting);
    }

    ServerSim(ProtocolLimits limits, Function<Request, Response> work) {
        this.codec = new HttpServerCodec(limits, HttpDate.of(InstantSource.fixed(NOW)));
        this.limits = limits;
        this.work = work;
    }

    static Response runWithoutWaiting(Request request) {
        Response rejection = RequestWork.rejection(request);
        if (rejection != null) {
            return rejection;
        }
        return request.op() == Op.DELAY || request.op() == Op.BLOCK ? RequestWork.delayDone(request)
                : RequestWork.run(request);
    }

    /** Feeds {@code bytes} in pieces that end at each of {@code cuts} (ascending) and at the end. */
    ServerSim feed(byte[] bytes, int... cuts) {
        fed = true;
        int from = 0;
        for (int cut : cuts) {
            feed(ByteBuffer.wrap(bytes, from, cut - from));
            from = cut;
        }
        return feed(ByteBuffer.wrap(bytes, from, bytes.length - from));
    }

    ServerSim feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (!fed) {
            assertSameAtEverySplit(bytes);
        }
        return feed(bytes);
    }

    /** Feeds {@code text} in one piece without the split check: for inputs of many KiB (see HttpSplitTest). */
    ServerSim feedWhole(String text) {
        return feed(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Fails unless every two-piece split of {@code bytes} gives what reading them whole gives; returns that. */
    ServerSim assertSameAtEverySplit(byte[] bytes) {
        ServerSim wholeSim = new ServerSim(limits, work).feed(bytes);
        String whole = wholeSim.outcome();
        for (int cut = 0; cut <= bytes.length; cut++) {
            String split = new ServerSim(limits, work).feed(bytes, cut).outcome();
            if (!split.equals(whole)) {
                throw new AssertionError("split at byte " + cut + " of " + bytes.length + " changed the outcome:\n"
                        + whole + "\n---- became ----\n" + split);
            }
        }
        return wholeSim;
    }

    /** Everything observable: what was written, the error, whether it closed, how many requests ran. */
    String outcome() {
        return text() + "\n[error=" + error + " closed=" + closed + " requests=" + requests.size() + "]";
    }

    ServerSim feed(ByteBuffer in) {
        fed = true;
        if (closed) {
            return this;
        }
        try {
            codec.decode(in, this::answer);
            if (in.hasRemaining()) {
                throw new AssertionError("decode left " + in.remaining() + " bytes unconsumed");
            }
        } catch (ProtocolException e) {
            error = e.getMessage();
            written.writeBytes(e.replyBytes());
            closed = true;
        }
        return this;
    }

    private void answer(Request request) {
        if (closed) {
            throw new AssertionError("a request was decoded after the connection closed");
        }
        requests.add(request);
        Response response = work.apply(request);
        ByteBuffer bytes = codec.encode(response);
        written.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        closed = codec.closesAfter(response);
    }

    String text() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    /** Everything written, decoded as responses; fails on a partial one. */
    List<HttpResponse> responses() {
        HttpResponseDecoder decoder = new HttpResponseDecoder(LIMITS);
        ByteBuffer in = ByteBuffer.wrap(written.toByteArray());
        List<HttpResponse> out = new ArrayList<>();
        for (HttpResponse r = decoder.decode(in); r != null; r = decoder.decode(in)) {
            out.add(r);
        }
        if (!decoder.atMessageBoundary()) {
            throw new AssertionError("a partial response was written: " + text());
        }
        return out;
    }

    HttpResponse only() {
        List<HttpResponse> all = responses();
        if (all.size() != 1) {
            throw new AssertionError("expected one response, got " + all.size() + ": " + text());
        }
        return all.get(0);
    }

    static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.ISO_8859_1);
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
    }
}
