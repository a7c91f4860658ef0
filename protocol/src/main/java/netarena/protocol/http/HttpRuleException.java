package netarena.protocol.http;

/**
 * A broken HTTP rule found by the parts both sides share (lines, fields, bodies). The server turns it
 * into a {@link netarena.protocol.ProtocolException} carrying the error response; the client into one
 * without. It never leaves this package.
 */
final class HttpRuleException extends RuntimeException {

    private final HttpStatus status;

    /**
     * @param status the answer a server gives to this input
     * @param rule   the broken rule, e.g. "lines must end with CRLF"
     */
    HttpRuleException(HttpStatus status, String rule) {
        super(rule, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
