package netarena.protocol.http;

import java.nio.ByteBuffer;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;

/**
 * Incremental HTTP/1.1 response decoder for clients (the load generator): feed it bytes as they arrive,
 * in pieces of any size, and it returns each response once it is whole, in order. It applies the same
 * line, field and body rules as the server's parser. One per connection, one thread at a time.
 *
 * <p>Bodies are framed by Content-Length or chunked coding; 1xx answers are read and skipped, and 204 and
 * 304 have no body. A body delimited only by the server closing the connection is refused, as are
 * answers to HEAD requests (the decoder does not know the method): netarena's server sends neither.
 */
public final class HttpResponseDecoder {

    private final ProtocolLimits limits;
    private final HttpLineReader lines = new HttpLineReader();
    private final HttpFields fields;
    private final HttpBodyReader body;

    private boolean inBody;
    private int statusCode = -1;
    private int minorVersion;

    /**
     * A decoder that keeps every header field of each response.
     *
     * @param limits maxHeaderBytes bounds the status line plus headers; maxFrameBytes the body
     */
    public HttpResponseDecoder(ProtocolLimits limits) {
        this(limits, true);
    }

    /**
     * @param limits      maxHeaderBytes bounds the status line plus headers; maxFrameBytes the body
     * @param keepHeaders false to check the fields but keep none ({@link HttpResponse#headers()} is empty):
     *                    a load generator reads status, body and persistence only, and saves a map per answer
     */
    public HttpResponseDecoder(ProtocolLimits limits, boolean keepHeaders) {
        this.limits = limits;
        this.fields = new HttpFields(keepHeaders);
        this.body = new HttpBodyReader(limits.maxFrameBytes(), limits.maxHeaderBytes());
        startResponse();
    }

    /**
     * Consumes bytes from {@code in} up to the end of the next whole response and returns it, or returns
     * null once {@code in} is exhausted without completing one (the partial response is kept).
     *
     * @throws ProtocolException when the bytes break a rule (without reply bytes); the decoder is then unusable
     */
    public HttpResponse decode(ByteBuffer in) {
        try {
            while (true) {
                if (!inBody && !readHead(in)) {
                    return null;
                }
                if (!body.read(in)) {
                    return null;
                }
                HttpResponse response = new HttpResponse(statusCode, fields.kept(), body.take(),
                        fields.keepAlive(minorVersion));
                startResponse();
                if (response.statusCode() >= 200) {
                    return response;
                }
            }
        } catch (HttpRuleException e) {
            throw new ProtocolException(e.getMessage(), null);
        }
    }

    /** True when no partial response is held: the server stopped at a message boundary. */
    public boolean atMessageBoundary() {
        return !inBody && statusCode < 0 && lines.atLineStart();
    }

    private void startResponse() {
        inBody = false;
        statusCode = -1;
        fields.reset();
        lines.budget(limits.maxHeaderBytes(), HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "the status line and headers exceed " + limits.maxHeaderBytes() + " bytes");
    }

    private boolean readHead(ByteBuffer in) {
        while (lines.read(in)) {
            byte[] b = lines.bytes();
            int length = lines.length();
            if (statusCode < 0) {
                statusLine(b, length);
            } else if (length > 0) {
                fields.add(b, length);
            } else {
                startBody();
                return true;
            }
        }
        return false;
    }

    /** {@code HTTP-version SP 3DIGIT SP [reason-phrase]}. */
    private void statusLine(byte[] b, int length) {
        if (length < 12 || b[8] != ' ' || (length > 12 && b[12] != ' ')) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the status line must be: HTTP-version SP status-code SP reason");
        }
        minorVersion = HttpSyntax.minorVersion(b, 0, 8);
        long code = HttpSyntax.decimal(b, 9, 12);
        if (code < 100) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the status code must be three digits from 100");
        }
        if (!HttpSyntax.isFieldText(b, 12, length)) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the reason phrase must not hold control characters");
        }
        statusCode = (int) code;
    }

    private void startBody() {
        if (statusCode < 200 || statusCode == 204 || statusCode == 304) {
            body.startFixed(0);
        } else if (fields.hasTransferEncoding()) {
            if (!fields.chunked()) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "Transfer-Encoding must end in chunked");
            }
            body.startChunked();
        } else if (fields.contentLength() > limits.maxFrameBytes()) {
            throw new HttpRuleException(HttpStatus.CONTENT_TOO_LARGE,
                    "the body exceeds the limit of " + limits.maxFrameBytes() + " bytes");
        } else if (fields.contentLength() >= 0) {
            body.startFixed((int) fields.contentLength());
        } else {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST,
                    "a response needs Content-Length or chunked: read-until-close bodies are not supported");
        }
        inBody = true;
    }
}
