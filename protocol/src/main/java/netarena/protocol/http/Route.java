package netarena.protocol.http;

import java.nio.charset.StandardCharsets;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;

/**
 * The HTTP routes and the op each one runs. Every route becomes a {@link netarena.protocol.Request}, so
 * the work is done by the server's shared dispatcher and {@link RequestWork}, never by the codec.
 */
public enum Route {
    /** {@code GET /plaintext}: an ECHO of {@code Hello, World!}. */
    PLAINTEXT("GET", "/plaintext", Op.ECHO, null, 0),
    /** {@code POST /echo}: an ECHO of the request body. */
    ECHO("POST", "/echo", Op.ECHO, null, 0),
    /** {@code GET /cpu?units=N[&seed=S]}: CPU with arg N and id S (the LCG seed, default 0). */
    CPU("GET", "/cpu", Op.CPU, "units", RequestWork.MAX_CPU_UNITS),
    /** {@code GET /delay?us=N}: DELAY with arg N. */
    DELAY("GET", "/delay", Op.DELAY, "us", RequestWork.MAX_WAIT_MICROS),
    /** {@code GET /block?us=N}: BLOCK with arg N. */
    BLOCK("GET", "/block", Op.BLOCK, "us", RequestWork.MAX_WAIT_MICROS);

    private static final byte[] PLAINTEXT_BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final Route[] ALL = values();

    private final String method;
    private final String path;
    private final Op op;
    private final String argName;
    private final long maxArg;

    Route(String method, String path, Op op, String argName, long maxArg) {
        this.method = method;
        this.path = path;
        this.op = op;
        this.argName = argName;
        this.maxArg = maxArg;
    }

    /** The method a client sends for this route (a GET route accepts HEAD too, see {@link #accepts}). */
    public String method() {
        return method;
    }

    /** True for the route's method, and for HEAD on a GET route (RFC 9110 section 9.3.2). */
    public boolean accepts(String requestMethod) {
        return method.equals(requestMethod) || (method.equals("GET") && requestMethod.equals("HEAD"));
    }

    /** The methods the route accepts, as the 405 answer's Allow header lists them. */
    public String allow() {
        return method.equals("GET") ? "GET, HEAD" : method;
    }

    public String path() {
        return path;
    }

    public Op op() {
        return op;
    }

    /** The query parameter that carries the op's arg, or null when the route takes none. */
    public String argName() {
        return argName;
    }

    /** The largest arg {@link RequestWork} accepts; above it the answer is 400. */
    public long maxArg() {
        return maxArg;
    }

    /** {@code Hello, World!}, a fresh copy: a request owns its payload. */
    public static byte[] plaintextBody() {
        return PLAINTEXT_BODY.clone();
    }

    /**
     * The body of a CPU answer: the u64 result as unsigned decimal ASCII, no newline. The server writes
     * it; clients compare answers with it.
     */
    public static byte[] cpuAnswerBody(long result) {
        return Long.toUnsignedString(result).getBytes(StandardCharsets.US_ASCII);
    }

    /** The route with exactly this path, or null (404). */
    public static Route forPath(String path) {
        for (Route r : ALL) {
            if (r.path.equals(path)) {
                return r;
            }
        }
        return null;
    }
}
