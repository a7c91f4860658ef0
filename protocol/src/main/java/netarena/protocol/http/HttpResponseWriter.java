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
     * A response, flipped and ready to write.
     *
     * @param http10    the request was HTTP/1.0: a persistent answer then says {@code Connection: keep-alive}
     * @param keepAlive false adds {@code Connection: close}
     * @param allow     the {@code Allow} header value (for 405), or null
     */
    ByteBuffer write(HttpStatus status, String contentType, byte[] body, boolean http10, boolean keepAlive,
            String allow) {
        byte[] connection = !keepAlive ? CONNECTION_CLOSE : http10 ? CONNECTION_KEEP_ALIVE : NONE;
        byte[] dateLine = date.headerLine();
        String length = Integer.toString(body.length);
        int size = status.statusLine().length + SERVER.length + dateLine.length
                + CONTENT_TYPE.length + contentType.length() + CRLF.length
                + CONTENT_LENGTH.length + length.length() + CRLF.length
                + connection.length + (allow == null ? 0 : ALLOW.length + allow.length() + CRLF.length)
                + CRLF.length + body.length;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(status.statusLine()).put(SERVER).put(dateLine);
        out.put(CONTENT_TYPE).put(ascii(contentType)).put(CRLF);
        out.put(CONTENT_LENGTH).put(ascii(length)).put(CRLF);
        out.put(connection);
        if (allow != null) {
            out.put(ALLOW).put(ascii(allow)).put(CRLF);
        }
        return out.put(CRLF).put(body).flip();
    }

    /** A {@code text/plain} answer whose body is {@code reason} and a newline. */
    ByteBuffer error(HttpStatus status, String reason, boolean http10, boolean keepAlive, String allow) {
        return write(status, TEXT_PLAIN, ascii(reason + "\n"), http10, keepAlive, allow);
    }

    /** The bytes sent before closing a connection whose input broke {@code rule}. */
    byte[] fatal(HttpStatus status, String rule) {
        ByteBuffer b = error(status, rule, false, false, null);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
