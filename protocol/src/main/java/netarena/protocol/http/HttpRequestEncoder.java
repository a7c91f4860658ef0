package netarena.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import netarena.protocol.Op;

/**
 * The client side's requests: the HTTP/1.1 bytes for one route, so the load generator and the server
 * agree on paths and parameters. Keep-alive (no {@code Connection} header) unless asked to close.
 * Pure; any thread.
 */
public final class HttpRequestEncoder {

    private HttpRequestEncoder() {
    }

    /** {@code GET /plaintext}. */
    public static byte[] plaintext(String host, boolean close) {
        return head("GET /plaintext", host, close, -1);
    }

    /** {@code POST /echo} with {@code body} and its Content-Length. */
    public static byte[] echo(String host, boolean close, byte[] body) {
        byte[] head = head("POST /echo", host, close, body.length);
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** {@code GET /cpu?units=N&seed=S}; {@code seed} is read as unsigned. */
    public static byte[] cpu(String host, boolean close, long units, long seed) {
        return head("GET /cpu?units=" + units + "&seed=" + Long.toUnsignedString(seed), host, close, -1);
    }

    /** {@code GET /delay?us=N} or {@code GET /block?us=N}. */
    public static byte[] wait(Op op, String host, boolean close, long micros) {
        if (op != Op.DELAY && op != Op.BLOCK) {
            throw new IllegalArgumentException("op must be DELAY or BLOCK, was " + op);
        }
        return head("GET /" + op.label() + "?us=" + micros, host, close, -1);
    }

    private static byte[] head(String requestLineStart, String host, boolean close, int contentLength) {
        if (host.isEmpty() || !host.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException("host must be non-empty visible ASCII, was '" + host + "'");
        }
        StringBuilder b = new StringBuilder(96).append(requestLineStart).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\n");
        if (contentLength >= 0) {
            b.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        if (close) {
            b.append("Connection: close\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
