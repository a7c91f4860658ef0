package netarena.protocol.http;

import netarena.protocol.Request;

/**
 * Turns a parsed request into the {@link Request} the server runs and the {@link HttpExchange} its answer
 * needs. Requests the codec answers itself (404, 405, a bad query) become a Request with op code 0, which
 * {@link netarena.protocol.RequestWork} rejects at once, so every answer still takes the server's one path
 * and keeps its place in the pipeline. Pure; any thread.
 */
final class HttpRouter {

    /** The pair handed on for one request. */
    record Routed(Request request, HttpExchange exchange) {
    }

    private static final int NO_OP = 0;
    private static final long MAX_U32 = 0xFFFF_FFFFL;
    private static final byte[] EMPTY = new byte[0];

    private HttpRouter() {
    }

    static Routed route(HttpRequest http) {
        boolean http10 = http.minorVersion() == 0;
        Route route = Route.forPath(http.path());
        if (route == null) {
            return rejected(http, null, HttpStatus.NOT_FOUND, "no route for " + http.path());
        }
        if (!route.accepts(http.method())) {
            return rejected(http, route, HttpStatus.METHOD_NOT_ALLOWED, route.path() + " accepts only " + route.allow());
        }
        HttpExchange ok = new HttpExchange(route, null, null, http10, http.keepAlive(), http.head());
        return switch (route) {
            case PLAINTEXT -> new Routed(new Request(route.op().code(), 0, 0, Route.plaintextBody()), ok);
            case ECHO -> new Routed(new Request(route.op().code(), 0, 0, http.body()), ok);
            case CPU, DELAY, BLOCK -> {
                String query = http.query();
                String argText = param(query, route.argName());
                long arg = saturatingU32(argText);
                if (arg < 0) {
                    yield rejected(http, route, HttpStatus.BAD_REQUEST, argText == null
                            ? "query parameter " + route.argName() + " is required"
                            : "query parameter " + route.argName() + " must be decimal digits");
                }
                Long seed = route == Route.CPU ? u64(param(query, "seed")) : Long.valueOf(0);
                if (seed == null) {
                    yield rejected(http, route, HttpStatus.BAD_REQUEST,
                            "query parameter seed must be decimal digits below 2^64");
                }
                yield new Routed(new Request(route.op().code(), seed, arg, EMPTY), ok);
            }
        };
    }

    private static Routed rejected(HttpRequest http, Route route, HttpStatus status, String reason) {
        return new Routed(new Request(NO_OP, 0, 0, EMPTY),
                new HttpExchange(route, status, reason, http.minorVersion() == 0, http.keepAlive(), http.head()));
    }

    /** The value of the first {@code name=value} in the query, or null; values are not percent-decoded. */
    static String param(String query, String name) {
        int from = 0;
        while (from <= query.length()) {
            int end = query.indexOf('&', from);
            if (end < 0) {
                end = query.length();
            }
            if (query.startsWith(name, from) && from + name.length() < end && query.charAt(from + name.length()) == '=') {
                return query.substring(from + name.length() + 1, end);
            }
            from = end + 1;
        }
        return null;
    }

    /**
     * Decimal digits as a u32, saturating at 2^32 - 1 so that a huge value reaches {@link
     * netarena.protocol.RequestWork}'s range check (400) rather than wrapping; -1 for null, empty or non-digits.
     */
    static long saturatingU32(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = Math.min(MAX_U32, value * 10 + (c - '0'));
        }
        return value;
    }

    /** An unsigned 64-bit decimal as its bit pattern: 0 when absent, null when not digits or not below 2^64. */
    static Long u64(String text) {
        if (text == null) {
            return 0L;
        }
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }
}
