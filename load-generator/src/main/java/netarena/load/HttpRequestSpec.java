package netarena.load;

import java.util.List;

/**
 * What an HTTP run sends: either netarena's route for the plan's op ({@link #ROUTES}: echo is
 * {@code POST /echo}, cpu {@code GET /cpu?units=ARG&seed=ID}, delay and block {@code GET /delay?us=ARG} and
 * {@code GET /block?us=ARG}), or one fixed request to any HTTP/1.1 server ({@link #custom}). Extra header
 * lines go with either. The syntax is checked by the shared encoder when the plan is made.
 *
 * @param method    the method of a custom request; null with the op's route
 * @param path      the origin-form request-target of a custom request, query included; null for the op's route
 * @param headers   field lines {@code Name: value} added to every request; a Host among them replaces the default
 * @param bodyBytes the body of each custom request, in bytes (seeded pattern bytes); 0 with the op's route,
 *                  whose echo body is the plan's size
 */
public record HttpRequestSpec(String method, String path, List<String> headers, int bodyBytes) {

    /** The op's route, no extra headers: the default of every plan. */
    public static final HttpRequestSpec ROUTES = new HttpRequestSpec(null, null, List.of(), 0);

    public HttpRequestSpec {
        headers = List.copyOf(headers);
        if (path == null && (method != null || bodyBytes != 0)) {
            throw new IllegalArgumentException("a method or a body size needs a path: without one the op's route is sent");
        }
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("body size must be at least 0 bytes, was " + bodyBytes);
        }
        if (method != null && (method.equals("HEAD") || method.equals("CONNECT"))) {
            throw new IllegalArgumentException("method " + method + " is not supported: the answer to " + method
                    + " has no body whatever its Content-Length says, which the response decoder cannot tell");
        }
    }

    /** {@code method} (GET when null; methods are case-sensitive) to {@code path} with a body of {@code bodyBytes}. */
    public static HttpRequestSpec custom(String method, String path, List<String> headers, int bodyBytes) {
        return new HttpRequestSpec(method == null ? "GET" : method, path, headers, bodyBytes);
    }

    /** The op's route with these extra header lines. */
    public static HttpRequestSpec routes(List<String> headers) {
        return new HttpRequestSpec(null, null, headers, 0);
    }

    /** True when a fixed request is sent rather than the op's route. */
    public boolean isCustom() {
        return path != null;
    }
}
