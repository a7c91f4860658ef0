package netarena.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields of one message, validated line by line (RFC 9112 section 5), and what they say about
 * framing and persistence: Content-Length, Transfer-Encoding, Connection and Host. Shared by the request
 * parser and the response decoder. Reset between messages; one thread at a time.
 */
final class HttpFields {

    private final Map<String, String> kept;

    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean close;
    private boolean keepAlive;
    private int hosts;
    private boolean hostInvalid;

    /** @param keepAll also keep every field (lower-case name, repeated values joined by ", "), for clients */
    HttpFields(boolean keepAll) {
        this.kept = keepAll ? new LinkedHashMap<>() : null;
        reset();
    }

    void reset() {
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        close = false;
        keepAlive = false;
        hosts = 0;
        hostInvalid = false;
        if (kept != null) {
            kept.clear();
        }
    }

    /**
     * Adds one field line, CRLF removed, not empty.
     *
     * @throws HttpRuleException 400 for bad syntax or conflicting framing, 501 for a transfer coding other than chunked
     */
    void add(byte[] b, int length) {
        int colon = checkFieldLine(b, length);
        int from = colon + 1;
        int to = length;
        while (from < to && HttpSyntax.isWhitespace(b[from])) {
            from++;
        }
        while (to > from && HttpSyntax.isWhitespace(b[to - 1])) {
            to--;
        }
        if (HttpSyntax.equalsLowerCase(b, 0, colon, "content-length")) {
            long value = HttpSyntax.decimal(b, from, to);
            if (value < 0) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "Content-Length must be a single decimal number");
            }
            if (contentLength >= 0 && contentLength != value) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "Content-Length given twice with different values");
            }
            contentLength = value;
        } else if (HttpSyntax.equalsLowerCase(b, 0, colon, "transfer-encoding")) {
            transferEncoding(ascii(b, from, to));
        } else if (HttpSyntax.equalsLowerCase(b, 0, colon, "connection")) {
            for (String option : ascii(b, from, to).split(",")) {
                String o = option.strip();
                close |= o.equalsIgnoreCase("close");
                keepAlive |= o.equalsIgnoreCase("keep-alive");
            }
        } else if (HttpSyntax.equalsLowerCase(b, 0, colon, "host")) {
            hosts++;
            hostInvalid |= !HttpSyntax.isHost(b, from, to);
        }
        if (kept != null) {
            kept.merge(ascii(b, 0, colon).toLowerCase(Locale.ROOT), ascii(b, from, to), (a, v) -> a + ", " + v);
        }
    }

    private void transferEncoding(String value) {
        for (String coding : value.split(",")) {
            String c = coding.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (!c.equalsIgnoreCase("chunked")) {
                throw new HttpRuleException(HttpStatus.NOT_IMPLEMENTED,
                        "Transfer-Encoding " + c + " is not supported: only chunked");
            }
            if (chunked) {
                throw new HttpRuleException(HttpStatus.BAD_REQUEST, "Transfer-Encoding names chunked twice");
            }
            chunked = true;
        }
        transferEncoding = true;
    }

    /**
     * Checks the syntax of a field line: {@code token ":" field-value}, no whitespace before the colon,
     * no obsolete line folding, no control characters. Also used for chunked trailers.
     *
     * @return the index of the colon
     */
    static int checkFieldLine(byte[] b, int length) {
        if (HttpSyntax.isWhitespace(b[0])) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "obsolete line folding is not allowed");
        }
        int colon = 0;
        while (colon < length && b[colon] != ':') {
            colon++;
        }
        if (colon == length) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a header field needs a colon");
        }
        if (!HttpSyntax.isToken(b, 0, colon)) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST,
                    "a header field name must be a non-empty token with no whitespace before the colon");
        }
        if (!HttpSyntax.isFieldText(b, colon + 1, length)) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a header field value must not hold control characters");
        }
        return colon;
    }

    /** Content-Length, or -1 when absent. */
    long contentLength() {
        return contentLength;
    }

    boolean hasTransferEncoding() {
        return transferEncoding;
    }

    /** True when Transfer-Encoding ends in chunked (it is the only coding accepted). */
    boolean chunked() {
        return chunked;
    }

    /** How many Host fields were seen. */
    int hosts() {
        return hosts;
    }

    /** True when a Host field's value is not {@code uri-host [":" port]} (see {@link HttpSyntax#isHost}). */
    boolean hostInvalid() {
        return hostInvalid;
    }

    /** RFC 9112 section 9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive". */
    boolean keepAlive(int minorVersion) {
        return !close && (minorVersion >= 1 || keepAlive);
    }

    /** Every field kept, or an empty map when not keeping. */
    Map<String, String> kept() {
        return kept == null ? Map.of() : Map.copyOf(kept);
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
