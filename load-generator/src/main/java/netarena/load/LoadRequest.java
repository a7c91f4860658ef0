package netarena.load;

import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.RequestWork;

/**
 * What every request of a run is.
 *
 * @param op        the request sent, every time
 * @param sizeBytes payload bytes of each request (every op carries it; only echo returns it)
 * @param arg       the op's argument: CPU rounds, or DELAY/BLOCK microseconds
 * @param http      HTTP only: the op's route or a custom request, and extra headers
 * @param seed      seeds the payload pattern and the Poisson arrivals
 */
public record LoadRequest(Op op, int sizeBytes, long arg, HttpRequestSpec http, long seed) {

    /** The defaults of {@link LoadDefaults}: echo of 64 bytes, the op's HTTP route, seed 42. */
    public static final LoadRequest DEFAULT = new LoadRequest(LoadDefaults.OP, LoadDefaults.SIZE_BYTES,
            LoadDefaults.ARG, HttpRequestSpec.ROUTES, LoadDefaults.SEED);

    public LoadRequest {
        LoadPlan.require(op != null, "op must be set");
        int maxPayload = FrameFormat.DEFAULT_MAX_FRAME_BYTES - FrameFormat.REQUEST_FIXED_BYTES;
        LoadPlan.require(sizeBytes >= 0 && sizeBytes <= maxPayload,
                "size must be between 0 and " + maxPayload + " bytes (the server's default frame limit), was " + sizeBytes);
        long maxArg = switch (op) {
            case ECHO -> 0xFFFF_FFFFL;
            case CPU -> RequestWork.MAX_CPU_UNITS;
            case DELAY, BLOCK -> RequestWork.MAX_WAIT_MICROS;
        };
        LoadPlan.require(arg >= 0 && arg <= maxArg,
                "arg for " + op.label() + " must be between 0 and " + maxArg + ", was " + arg);
        LoadPlan.require(http != null, "http must be set (HttpRequestSpec.ROUTES by default)");
    }

    /** The request: its op, payload size in bytes and argument. */
    public LoadRequest withOp(Op o, int size, long a) {
        return new LoadRequest(o, size, a, http, seed);
    }

    /** HTTP: a custom request or the op's route, and extra headers. */
    public LoadRequest withHttp(HttpRequestSpec h) {
        return new LoadRequest(op, sizeBytes, arg, h, seed);
    }

    public LoadRequest withSeed(long s) {
        return new LoadRequest(op, sizeBytes, arg, http, s);
    }
}
