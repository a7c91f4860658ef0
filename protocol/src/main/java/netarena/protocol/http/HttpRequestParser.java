package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import netarena.protocol.ProtocolLimits;

/**
 * Incremental HTTP/1.1 request parser: feed it bytes as they arrive, split anywhere and with any number
 * of pipelined requests per buffer, and it returns each request once it is whole. One per connection,
 * called by the connection's reading thread.
 *
 * <p>Limits: the request line plus header fields (CRLFs and leading empty lines included) may take
 * {@link ProtocolLimits#maxHeaderBytes()} bytes, else 414 when the request line alone passes it (RFC 9112
 * section 3: the request-target is too long) and 431 otherwise; the body {@link ProtocolLimits#maxFrameBytes()},
 * else 413. Memory grows only as bytes arrive (see {@link HttpLineReader} and {@link HttpBodyReader}).
 */
final class HttpRequestParser {

    private static final String REQUEST_LINE_RULE = "the request line must be: method SP request-target SP HTTP-version";

    private final ProtocolLimits limits;
    private final HttpLineReader lines = new HttpLineReader();
    private final HttpFields fields = new HttpFields(false);
    private final HttpBodyReader body;

    private boolean inBody;
    private String method;
    private String target;
    private int minorVersion;

    HttpRequestParser(ProtocolLimits limits) {
        this.limits = limits;
        this.body = new HttpBodyReader(limits.maxFrameBytes(), limits.maxHeaderBytes());
        startRequest();
    }

    /**
     * Consumes bytes from {@code in} up to the end of the next whole request and returns it, or returns
     * null once {@code in} is exhausted without completing one (the partial request is kept).
     *
     * @throws HttpRuleException when the bytes break a rule; the parser is then unusable
     */
    HttpRequest next(ByteBuffer in) {
        if (!inBody && !readHead(in)) {
            return null;
        }
        if (!body.read(in)) {
            return null;
        }
        HttpRequest request = new HttpRequest(method, target, minorVersion, fields.keepAlive(minorVersion), body.take());
        startRequest();
        return request;
    }

    /**
     * True once any byte of the next request has been read (a leading empty line counts: it takes from
     * the head's budget too) and until the request is whole.
     */
    boolean midRequest() {
        return inBody || lines.budgetLeft() < limits.maxHeaderBytes();
    }

    /** Bytes of memory held for the request in progress (the server's memory budget counts them). */
    int capacity() {
        return lines.capacity() + body.capacity();
    }

    private void startRequest() {
        inBody = false;
        method = null;
        target = null;
        fields.reset();
        lines.budget(limits.maxHeaderBytes(), HttpStatus.URI_TOO_LONG,
                "the request line exceeds the header limit of " + limits.maxHeaderBytes() + " bytes");
    }

    /** True once the empty line ending the head is read and the body framing is set up. */
    private boolean readHead(ByteBuffer in) {
        while (lines.read(in)) {
            byte[] b = lines.bytes();
            int length = lines.length();
            if (method == null) {
                // RFC 9112 section 2.2: empty lines before the request line are ignored
                // and count against the head's budget: endless ones are not a long request-target, so 431
                if (length > 0) {
                    requestLine(b, length);
                }
                lines.overBudget(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "the request line and headers exceed " + limits.maxHeaderBytes() + " bytes");
            } else if (length > 0) {
                fields.add(b, length);
            } else {
                startBody();
                return true;
            }
        }
        return false;
    }

    private void requestLine(byte[] b, int length) {
        int sp1 = indexOfSpace(b, 0, length);
        int sp2 = sp1 < 0 ? -1 : indexOfSpace(b, sp1 + 1, length);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || indexOfSpace(b, sp2 + 1, length) >= 0) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, REQUEST_LINE_RULE);
        }
        if (!HttpSyntax.isToken(b, 0, sp1)) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the method must be a token");
        }
        if (b[sp1 + 1] != '/') {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the request-target must be origin-form: start with /");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            if (b[i] <= ' ' || b[i] == 0x7F) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the request-target must be visible ASCII");
            }
        }
        minorVersion = HttpSyntax.minorVersion(b, sp2 + 1, length);
        method = new String(b, 0, sp1, StandardCharsets.US_ASCII);
        target = new String(b, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.US_ASCII);
    }

    /** RFC 9112 sections 3.2 and 6: Host, and whether a body follows and how it is framed. */
    private void startBody() {
        if (fields.hosts() > 1) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a request must not have more than one Host header");
        }
        if (minorVersion == 1 && fields.hosts() == 0) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "an HTTP/1.1 request needs exactly one Host header");
        }
        if (fields.hostInvalid()) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "the Host header must be uri-host [\":\" port]");
        }
        if (fields.hasTransferEncoding()) {
            if (minorVersion == 0) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "HTTP/1.0 requests must not use Transfer-Encoding");
            }
            if (fields.contentLength() >= 0) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST,
                        "a request must not have both Transfer-Encoding and Content-Length");
            }
            if (!fields.chunked()) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "Transfer-Encoding must end in chunked");
            }
            body.startChunked();
        } else if (fields.contentLength() > limits.maxFrameBytes()) {
            throw new HttpRuleException(HttpStatus.CONTENT_TOO_LARGE,
                    "the body exceeds the limit of " + limits.maxFrameBytes() + " bytes");
        } else {
            body.startFixed((int) Math.max(0, fields.contentLength()));
        }
        inBody = true;
    }

    private static int indexOfSpace(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }
}
