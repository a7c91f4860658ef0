package netarena.protocol.http;

/**
 * What the encoder needs to know about one request to write its answer: pushed by the codec's decode in
 * request order, popped by its encode in the same order.
 *
 * @param route      the route matched, or null when no path matched
 * @param rejection  a status the codec decided on without the work (404, 405, 400 for a bad query), or null
 *                   when the answer follows the {@link netarena.protocol.Response}
 * @param reason     the body of a rejection, naming the broken rule; null without one
 * @param http10     the request was HTTP/1.0, so a persistent answer says {@code Connection: keep-alive}
 * @param keepAlive  whether the connection persists after this answer
 * @param head       the request was HEAD: the answer has the headers a GET would get and no content, whatever
 *                   its status (RFC 9110 section 9.3.2)
 */
record HttpExchange(Route route, HttpStatus rejection, String reason, boolean http10, boolean keepAlive, boolean head) {

    /** The exchange of a request that broke a rule: its answer closes the connection. */
    static final HttpExchange FATAL = new HttpExchange(null, null, null, false, false, false);
}
