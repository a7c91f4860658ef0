package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes whole HTTP/1.1 responses into one buffer. Every response carries {@code Server},
 * {@code Date}, {@code Content-Type} and {@code Content-Length}; {@code Connection} when it says
 * something the version does not imply. Immutable; any thread.
 */
final class HttpResponseWriter {

    static final String TEXT_PLAIN = "text/plain";
    static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] SERVER = ascii("Server: netarena\r\n");
    private static final byte[] CONTENT_TYPE = ascii("Content-Type: ");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] ALLOW = ascii("Allow: ");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] NONE = new byte[0];

    private final HttpDate date;

    HttpResponseWriter(HttpDate date) {
        this.date = date;
    }

    /**
     * A response, flipped and ready to write. An answer to HEAD stops after the headers, whose
     * Content-Length is still that of {@code body} (RFC 9110 section 8.6).
     *
     * @param exchange  http10 makes a persistent answer say {@code Connection: keep-alive}; keepAlive false
     *                  adds {@code Connection: close}; head leaves the content out
     * @param allow     the {@code Allow} header value (for 405), or null
     */
    ByteBuffer write(HttpStatus status, String contentType, byte[] body, HttpExchange exchange, String allow) {
        byte[] connection = !exchange.keepAlive() ? CONNECTION_CLOSE : exchange.http10() ? CONNECTION_KEEP_ALIVE : NONE;
        byte[] content = exchange.head() ? NONE : body;
        byte[] dateLine = date.headerLine();
        String length = Integer.toString(body.length);
        int size = status.statusLine().length + SERVER.length + dateLine.length
                + CONTENT_TYPE.length + contentType.length() + CRLF.length
                + CONTENT_LENGTH.length + length.length() + CRLF.length
                + connection.length + (allow == null ? 0 : ALLOW.length + allow.length() + CRLF.length)
                + CRLF.length + content.length;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(status.statusLine()).put(SERVER).put(dateLine);
        out.put(CONTENT_TYPE).put(ascii(contentType)).put(CRLF);
        out.put(CONTENT_LENGTH).put(ascii(length)).put(CRLF);
        out.put(connection);
        if (allow != null) {
            out.put(ALLOW).put(ascii(allow)).put(CRLF);
        }
        return out.put(CRLF).put(content).flip();
    }

    /** A {@code text/plain} answer whose body is {@code reason} and a newline. */
    ByteBuffer error(HttpStatus status, String reason, HttpExchange exchange, String allow) {
        return write(status, TEXT_PLAIN, ascii(reason + "\n"), exchange, allow);
    }

    /** The bytes sent before closing a connection whose input broke {@code rule}. */
    byte[] fatal(HttpStatus status, String rule) {
        ByteBuffer b = error(status, rule, HttpExchange.FATAL, null);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
