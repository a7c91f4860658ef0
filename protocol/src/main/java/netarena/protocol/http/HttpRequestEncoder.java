package netarena.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import netarena.protocol.Op;

/**
 * The client side's requests, so the load generator and the server agree on paths, parameters and
 * syntax: {@link #route} builds the request for one of netarena's routes, {@link #request} any
 * origin-form request to any HTTP/1.1 server. Both check what they are given against the rules the
 * server's parser applies (method token, origin-form target, field syntax) and return an
 * {@link HttpRequestTemplate}, written many times without allocating. Keep-alive (no {@code Connection}
 * header) unless a header says otherwise. Pure; any thread.
 */
public final class HttpRequestEncoder {

    private static final List<String> CLOSE = List.of("Connection: close");

    private HttpRequestEncoder() {
    }

    /**
     * The request for {@code route}: {@code GET /plaintext}, {@code POST /echo} with a body of
     * {@code bodyBytes}, {@code GET /cpu?units=ARG&seed=SLOT} (the seed is the template's slot, so every
     * request can seed differently), {@code GET /delay?us=ARG} or {@code GET /block?us=ARG}.
     *
     * @param host    the Host header's value, e.g. {@code 127.0.0.1:8080}, unless {@code headers} holds one
     * @param headers extra field lines, {@code Name: value}, sent on every request
     * @param arg     the route's query value ({@code units} or {@code us}), at least 0; ignored by plaintext and echo
     * @throws IllegalArgumentException naming the broken rule; a body on a route that takes none
     */
    public static HttpRequestTemplate route(Route route, String host, List<String> headers, long arg, int bodyBytes) {
        if (route != Route.ECHO && bodyBytes != 0) {
            throw new IllegalArgumentException(route.method() + " " + route.path() + " takes no body, was given "
                    + bodyBytes + " bytes");
        }
        if (arg < 0) {
            throw new IllegalArgumentException("the arg of " + route.path() + " must be at least 0, was " + arg);
        }
        return switch (route) {
            case PLAINTEXT, ECHO -> build(route.method(), route.path(), null, host, headers, bodyBytes);
            case CPU -> build(route.method(), route.path() + "?" + route.argName() + "=" + arg + "&seed=", "", host,
                    headers, 0);
            case DELAY, BLOCK -> build(route.method(), route.path() + "?" + route.argName() + "=" + arg, null, host,
                    headers, 0);
        };
    }

    /**
     * Any request: {@code method target HTTP/1.1}, Host, the given fields, and Content-Length when there is
     * a body or the method is POST, PUT or PATCH (RFC 9110 section 8.6).
     *
     * @param target  origin-form: starts with {@code /}, visible ASCII, query included
     * @param headers field lines {@code Name: value}; a Host among them replaces the default; Content-Length
     *                and Transfer-Encoding are refused (the body length sets them)
     * @throws IllegalArgumentException naming the broken rule
     */
    public static HttpRequestTemplate request(String method, String target, String host, List<String> headers,
            int bodyBytes) {
        return build(method, target, null, host, headers, bodyBytes);
    }

    /** {@code GET /plaintext}. */
    public static byte[] plaintext(String host, boolean close) {
        return route(Route.PLAINTEXT, host, close ? CLOSE : List.of(), 0, 0).head(0);
    }

    /** {@code POST /echo} with {@code body} and its Content-Length. */
    public static byte[] echo(String host, boolean close, byte[] body) {
        byte[] head = route(Route.ECHO, host, close ? CLOSE : List.of(), 0, body.length).head(0);
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** {@code GET /cpu?units=N&seed=S}; {@code seed} is read as unsigned. */
    public static byte[] cpu(String host, boolean close, long units, long seed) {
        return route(Route.CPU, host, close ? CLOSE : List.of(), units, 0).head(seed);
    }

    /** {@code GET /delay?us=N} or {@code GET /block?us=N}. */
    public static byte[] wait(Op op, String host, boolean close, long micros) {
        if (op != Op.DELAY && op != Op.BLOCK) {
            throw new IllegalArgumentException("op must be DELAY or BLOCK, was " + op);
        }
        return route(op == Op.DELAY ? Route.DELAY : Route.BLOCK, host, close ? CLOSE : List.of(), micros, 0).head(0);
    }

    /** @param afterSlot the target after the slot, or null when the target has none */
    private static HttpRequestTemplate build(String method, String target, String afterSlot, String host,
            List<String> headers, int bodyBytes) {
        if (method == null || !HttpSyntax.isToken(ascii(method), 0, method.length())) {
            throw new IllegalArgumentException("the method must be a token (letters, digits, !#$%&'*+-.^_`|~), was '"
                    + method + "'");
        }
        String wholeTarget = afterSlot == null ? target : target + HttpRequestTemplate.SLOT + afterSlot;
        if (target == null || target.isEmpty() || target.charAt(0) != '/'
                || !wholeTarget.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException("the request-target must be origin-form: start with / and be visible "
                    + "ASCII (percent-encode the rest), was '" + target + "'");
        }
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("the body size must be at least 0, was " + bodyBytes);
        }
        StringBuilder fields = new StringBuilder(96);
        boolean hostGiven = false;
        for (String line : headers) {
            String name = checkHeader(line);
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
                throw new IllegalArgumentException("header " + name + " is set from the body size; do not give it");
            }
            if (name.equalsIgnoreCase("host")) {
                if (hostGiven) {
                    throw new IllegalArgumentException("a request has exactly one Host header; two were given");
                }
                hostGiven = true;
            }
            fields.append(line).append("\r\n");
        }
        if (!hostGiven) {
            if (host == null || host.isEmpty() || !host.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
                throw new IllegalArgumentException("host must be non-empty visible ASCII, was '" + host + "'");
            }
            fields.insert(0, "Host: " + host + "\r\n");
        }
        if (bodyBytes > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            fields.append("Content-Length: ").append(bodyBytes).append("\r\n");
        }
        String rest = " HTTP/1.1\r\n" + fields + "\r\n";
        if (afterSlot == null) {
            return new HttpRequestTemplate(method, target, ascii(method + " " + target + rest), null, bodyBytes);
        }
        return new HttpRequestTemplate(method, wholeTarget, ascii(method + " " + target), ascii(afterSlot + rest),
                bodyBytes);
    }

    /** Checks one field line with the parser's rules; returns its name. */
    private static String checkHeader(String line) {
        if (line == null || line.isEmpty() || !line.chars().allMatch(c -> c <= 0xFF)) {
            throw new IllegalArgumentException("a header must be 'Name: value' in Latin-1, was '" + line + "'");
        }
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        try {
            int colon = HttpFields.checkFieldLine(b, b.length);
            return line.substring(0, colon);
        } catch (HttpRuleException e) {
            throw new IllegalArgumentException("header '" + line + "': " + e.getMessage());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
