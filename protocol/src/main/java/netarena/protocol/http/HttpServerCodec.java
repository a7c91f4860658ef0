package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.ServerCodec;

/**
 * HTTP/1.1 on the server side of one connection, the same for every model (docs/HTTP.md). Answers
 * leave in request order, so pipelined requests work.
 *
 * <p>Threads: {@link #decode} runs on the connection's reading thread; {@link #encode} and
 * {@link #closesAfter} on whichever thread finished a request, in request order and never two at once
 * (the connection's ordering lock). Decode pushes one {@link HttpExchange} per request into a concurrent
 * FIFO <em>before</em> handing the request on, because the answer may be encoded on the same thread
 * before {@code sink.accept} returns; encode pops it.
 *
 * <p>Memory: the parser holds at most the header limit plus the body bytes actually received; the FIFO
 * one small record per request in flight.
 */
public final class HttpServerCodec implements ServerCodec {

    private final HttpRequestParser parser;
    private final HttpResponseWriter writer;
    private final Queue<HttpExchange> pending = new ConcurrentLinkedQueue<>();
    /** Reading thread only: a request said the connection closes after it, so later bytes are ignored. */
    private boolean closing;
    /** The answer after which the connection closes, set by encode for closesAfter. */
    private volatile Response closingAnswer;

    public HttpServerCodec(ProtocolLimits limits) {
        this(limits, HttpDate.system());
    }

    public HttpServerCodec(ProtocolLimits limits, HttpDate date) {
        this.parser = new HttpRequestParser(limits);
        this.writer = new HttpResponseWriter(date);
    }

    /**
     * @throws ProtocolException for a malformed request (400), headers over the limit (431), a body over the
     *         limit (413), an unsupported transfer coding (501) or version (505); its reply is the error
     *         response with {@code Connection: close}
     */
    @Override
    public void decodeWhile(ByteBuffer in, Predicate<Request> sink) {
        try {
            while (!closing) {
                HttpRequest http = parser.next(in);
                if (http == null) {
                    return;
                }
                HttpRouter.Routed routed = HttpRouter.route(http);
                closing = !http.keepAlive();
                pending.add(routed.exchange());
                if (!sink.test(routed.request()) && !closing) {
                    return;
                }
            }
            // RFC 9112 section 9.6: nothing after a request that closes the connection is processed
            in.position(in.limit());
        } catch (HttpRuleException e) {
            throw new ProtocolException(e.getMessage(), writer.fatal(e.status(), e.getMessage()));
        }
    }

    @Override
    public ByteBuffer encode(Response response) {
        HttpExchange exchange = pending.poll();
        if (exchange == null) {
            throw new IllegalStateException("encode called for more answers than decode produced requests");
        }
        if (!exchange.keepAlive()) {
            closingAnswer = response;
        }
        return answer(exchange, response);
    }

    private ByteBuffer answer(HttpExchange exchange, Response response) {
        Route route = exchange.route();
        if (exchange.rejection() != null) {
            String allow = exchange.rejection() == HttpStatus.METHOD_NOT_ALLOWED ? route.allow() : null;
            return writer.error(exchange.rejection(), exchange.reason(), exchange, allow);
        }
        return switch (response.status()) {
            case OK -> switch (route) {
                case PLAINTEXT, DELAY, BLOCK -> writer.write(HttpStatus.OK, HttpResponseWriter.TEXT_PLAIN,
                        response.payload(), exchange, null);
                case ECHO -> writer.write(HttpStatus.OK, HttpResponseWriter.OCTET_STREAM, response.payload(), exchange,
                        null);
                case CPU -> writer.write(HttpStatus.OK, HttpResponseWriter.TEXT_PLAIN, unsignedDecimal(response.payload()),
                        exchange, null);
            };
            case BUSY -> writer.error(HttpStatus.SERVICE_UNAVAILABLE, "the server is busy: the worker queue, or this connection's share of the work, is full",
                    exchange, null);
            case BAD_REQUEST, BAD_FRAME -> writer.error(HttpStatus.BAD_REQUEST,
                    route.argName() == null ? "the request was refused"
                            : "query parameter " + route.argName() + " must be at most " + route.maxArg(),
                    exchange, null);
        };
    }

    /** The u64 CPU result (8 bytes, big-endian) as unsigned decimal text. */
    private static byte[] unsignedDecimal(byte[] u64) {
        return Route.cpuAnswerBody(ByteBuffer.wrap(u64).getLong());
    }

    /** A request begun and not whole; bytes after a closing request are dropped, so never then. */
    @Override
    public boolean midRequest() {
        return !closing && parser.midRequest();
    }

    @Override
    public int heldBytes() {
        return parser.capacity();
    }

    @Override
    public boolean ordered() {
        return true;
    }

    /** True for the answer to a request that closes the connection; call right after its {@link #encode}. */
    @Override
    public boolean closesAfter(Response response) {
        return response == closingAnswer;
    }
}
