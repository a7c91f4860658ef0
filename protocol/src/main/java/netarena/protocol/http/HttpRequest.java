package netarena.protocol.http;

/**
 * One parsed HTTP request, before routing.
 *
 * @param method       the method token as sent (case-sensitive, as RFC 9110 says)
 * @param target       the origin-form request-target: path and optional {@code ?query}
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param keepAlive    whether the connection persists after the answer (RFC 9112 section 9.3)
 * @param body         the body, chunk framing removed; never null
 */
record HttpRequest(String method, String target, int minorVersion, boolean keepAlive, byte[] body) {

    /** True for HEAD, whose answer carries no content. */
    boolean head() {
        return method.equals("HEAD");
    }

    /** The target up to {@code ?}. */
    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The target after {@code ?}, or the empty string. */
    String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }
}
