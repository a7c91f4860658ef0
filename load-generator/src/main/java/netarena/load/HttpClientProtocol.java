package netarena.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import netarena.protocol.Op;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.http.HttpRequestEncoder;
import netarena.protocol.http.HttpRequestTemplate;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import netarena.protocol.http.Route;

/**
 * HTTP/1.1 from the client side, on the shared codec: requests are written from an
 * {@link HttpRequestTemplate} ({@link HttpRequestEncoder}) and answers read with
 * {@link HttpResponseDecoder}, so there is one copy of the HTTP rules. Works against any HTTP/1.1 server:
 * Host header, keep-alive, pipelining.
 *
 * <p>HTTP answers carry no id: they come in request order, so each connection keeps the ids it sent in
 * a FIFO and the next answer belongs to the oldest. An answer must have a 2xx status (others are
 * reported by status code), and then the body the request asks for:
 * <ul>
 *   <li>{@code POST /echo} (the echo op, or a custom POST to /echo): exactly the body sent, which comes from
 *       the run's {@link PayloadPattern} at an offset salted by the id;</li>
 *   <li>the cpu op: {@code GET /cpu?units=ARG&seed=ID}, answered with {@code RequestWork.cpu(ID, ARG)} in
 *       decimal ({@link CpuAnswers});</li>
 *   <li>the delay and block ops: an empty body;</li>
 *   <li>any other custom request: the same body length as the first 2xx answer of the run, as ab checks
 *       its "Document Length".</li>
 * </ul>
 *
 * <p>When an answer says the server closes after it ({@code Connection: close}, or HTTP/1.0 without
 * keep-alive), {@link #serverClosing} turns true and later bytes are ignored: the server read nothing
 * after that request.
 *
 * <p>One instance per connection, used by its event loop only; the factory's parts are shared.
 */
final class HttpClientProtocol implements ClientProtocol {

    /** Answers may be as large as a request the server accepts. */
    private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();

    private enum Expect { ECHO, CPU, EMPTY, SAME_LENGTH }

    /** What every connection of a run shares: immutable but for the first answer's length. */
    private record Shared(HttpRequestTemplate template, PayloadPattern pattern, Expect expect, CpuAnswers cpu,
            AtomicInteger firstLength) {
    }

    private final Shared shared;
    private final HttpResponseDecoder decoder = new HttpResponseDecoder(LIMITS, false);
    /** The ids sent and not yet answered, oldest at {@code head}: a ring that doubles when full. */
    private long[] ids = new long[16];
    private int head;
    private int count;
    private boolean serverClosing;

    private HttpClientProtocol(Shared shared) {
        this.shared = shared;
    }

    /**
     * The request of a plan, built and checked by the shared encoder.
     *
     * @param host the Host header's value, {@code host:port}
     * @throws IllegalArgumentException naming the broken rule
     */
    static HttpRequestTemplate template(String host, LoadRequest request) {
        HttpRequestSpec http = request.http();
        Op op = request.op();
        if (http.isCustom()) {
            return HttpRequestEncoder.request(http.method(), http.path(), host, http.headers(), http.bodyBytes());
        }
        Route route = switch (op) {
            case ECHO -> Route.ECHO;
            case CPU -> Route.CPU;
            case DELAY -> Route.DELAY;
            case BLOCK -> Route.BLOCK;
        };
        return HttpRequestEncoder.route(route, host, http.headers(), request.arg(),
                op == Op.ECHO ? request.sizeBytes() : 0);
    }

    static ClientProtocol.Factory factory(LoadPlan plan) {
        LoadRequest request = plan.request();
        HttpRequestSpec http = request.http();
        HttpRequestTemplate template = plan.httpTemplate();
        Expect expect;
        if (http.isCustom()) {
            String path = http.path();
            int query = path.indexOf('?');
            boolean echo = http.method().equals(Route.ECHO.method())
                    && (query < 0 ? path : path.substring(0, query)).equals(Route.ECHO.path());
            expect = echo ? Expect.ECHO : Expect.SAME_LENGTH;
        } else {
            expect = switch (request.op()) {
                case ECHO -> Expect.ECHO;
                case CPU -> Expect.CPU;
                case DELAY, BLOCK -> Expect.EMPTY;
            };
        }
        Shared shared = new Shared(template, PayloadPattern.of(request.seed(), template.bodyBytes()), expect,
                expect == Expect.CPU ? CpuAnswers.of(request.arg()) : null, new AtomicInteger(-1));
        return () -> new HttpClientProtocol(shared);
    }

    @Override
    public int requestBytes() {
        return shared.template.maxHeadBytes() + shared.template.bodyBytes();
    }

    @Override
    public void writeRequest(long id, ByteBuffer out) {
        shared.template.writeHead(out, id);
        PayloadPattern pattern = shared.pattern;
        if (pattern.size() > 0) {
            out.put(pattern.bytes(), pattern.offset(id), pattern.size());
        }
        push(id);
    }

    @Override
    public void readAnswers(ByteBuffer in, AnswerSink sink) {
        if (serverClosing) {
            in.position(in.limit());
            return;
        }
        for (HttpResponse r = decoder.decode(in); r != null; r = decoder.decode(in)) {
            if (count == 0) {
                throw new ProtocolException("an answer came with no request outstanding", null);
            }
            long id = pop();
            verify(id, r, sink);
            if (!r.keepAlive()) {
                serverClosing = true;
                in.position(in.limit()); // the server reads nothing after this request, so answers nothing
                return;
            }
        }
    }

    @Override
    public boolean serverClosing() {
        return serverClosing;
    }

    private void verify(long id, HttpResponse r, AnswerSink sink) {
        int status = r.statusCode();
        if (status < 200 || status > 299) {
            sink.httpStatus(id, status);
            return;
        }
        String wrong = checkBody(id, r.body());
        sink.answer(id, wrong == null ? Verdict.OK : Verdict.MISMATCH, wrong);
    }

    /** Null when the body is right, else what is wrong with it. */
    private String checkBody(long id, byte[] body) {
        switch (shared.expect) {
            case ECHO -> {
                return shared.pattern.mismatch(id, body);
            }
            case CPU -> {
                byte[] expected = Route.cpuAnswerBody(shared.cpu.expected(id));
                return Arrays.equals(body, expected) ? null
                        : "cpu answer of id " + id + " is '" + show(body) + "', expected "
                                + new String(expected, StandardCharsets.US_ASCII);
            }
            case EMPTY -> {
                return body.length == 0 ? null : "answer of id " + id + " has " + body.length + " bytes, expected none";
            }
            case SAME_LENGTH -> {
                AtomicInteger first = shared.firstLength;
                int expected = first.get();
                if (expected < 0 && first.compareAndSet(-1, body.length)) {
                    return null;
                }
                expected = first.get();
                return body.length == expected ? null
                        : "answer of id " + id + " has " + body.length + " body bytes; the first 2xx answer of the run had "
                                + expected;
            }
        }
        throw new AssertionError(shared.expect);
    }

    private static String show(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 40), StandardCharsets.ISO_8859_1);
        return body.length > 40 ? s + "..." : s;
    }

    private void push(long id) {
        if (count == ids.length) {
            long[] grown = new long[ids.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = ids[(head + i) & (ids.length - 1)];
            }
            ids = grown;
            head = 0;
        }
        ids[(head + count) & (ids.length - 1)] = id;
        count++;
    }

    private long pop() {
        long id = ids[head];
        head = (head + 1) & (ids.length - 1);
        count--;
        return id;
    }
}
