package netarena.load;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestTemplate;

/**
 * Everything a load run needs, one record per concern; the defaults are {@link LoadDefaults}. Each part
 * checks its own rules when made; this record checks the rules that span two parts. The machine's limits
 * are checked by {@link LoadGenerator} before it opens anything.
 *
 * <pre>{@code
 * LoadPlan p = LoadPlan.to("127.0.0.1", 7000).with(new OpenLoop(10_000, Arrivals.CONSTANT))
 *         .withLimits(l -> l.withConnections(16, 1)).withBounds(b -> b.forDuration(Duration.ofSeconds(30)));
 * }</pre>
 *
 * @param target   the server, and the wire protocol to it
 * @param shape    closed loop (pipeline) or open loop (rate, arrivals)
 * @param bounds   duration or request count, warmup, timeouts
 * @param request  what each request is
 * @param limits   connections, threads, the generator's tolerated lag
 * @param outDir   where the files of {@link ResultFiles} go; null writes no files
 */
public record LoadPlan(LoadTarget target, LoadShape shape, LoadBounds bounds, LoadRequest request, LoadLimits limits,
        Path outDir) {

    public LoadPlan {
        require(target != null && shape != null && bounds != null && request != null && limits != null,
                "target, shape, bounds, request and limits must be set");
        require(shape.ratePerSecond() <= LoadLimits.MAX_RATE_PER_THREAD * limits.threads(),
                "rate " + shape.ratePerSecond() + "/s is beyond what " + limits.threads() + " thread(s) can pace (at most "
                        + LoadLimits.MAX_RATE_PER_THREAD + " requests/s per thread): add threads");
        require(target.protocol() == WireProtocol.HTTP || request.http().equals(HttpRequestSpec.ROUTES),
                "--method, --path, --header and --body-size apply to --protocol http only");
        if (target.protocol() == WireProtocol.HTTP) {
            HttpClientProtocol.template(target.hostPort(), request); // throws naming the rule
        }
    }

    /** The default plan ({@link LoadDefaults}) against {@code host:port}. */
    public static LoadPlan to(String host, int port) {
        return new LoadPlan(new LoadTarget(host, port, LoadDefaults.PROTOCOL), LoadDefaults.SHAPE, LoadBounds.DEFAULT,
                LoadRequest.DEFAULT, LoadLimits.DEFAULT, null);
    }

    public LoadPlan with(LoadShape s) {
        return new LoadPlan(target, s, bounds, request, limits, outDir);
    }

    public LoadPlan withTarget(UnaryOperator<LoadTarget> change) {
        return new LoadPlan(change.apply(target), shape, bounds, request, limits, outDir);
    }

    public LoadPlan withBounds(UnaryOperator<LoadBounds> change) {
        return new LoadPlan(target, shape, change.apply(bounds), request, limits, outDir);
    }

    public LoadPlan withRequest(UnaryOperator<LoadRequest> change) {
        return new LoadPlan(target, shape, bounds, change.apply(request), limits, outDir);
    }

    public LoadPlan withLimits(UnaryOperator<LoadLimits> change) {
        return new LoadPlan(target, shape, bounds, request, change.apply(limits), outDir);
    }

    public LoadPlan withOutDir(Path dir) {
        return new LoadPlan(target, shape, bounds, request, limits, dir);
    }

    /** True when requests follow a schedule rather than the answers. */
    public boolean openLoop() {
        return shape.open();
    }

    /** An open loop whose warmup runs closed loop on its connections before the schedule starts. */
    public boolean warmsUpAtFullSpeed() {
        return shape instanceof OpenLoop o && o.warmAtFullSpeed() && !bounds.warmup().isZero();
    }

    /** What each request is, for tables and logs: the op, or for HTTP the request line. */
    public String requestLabel() {
        if (target.protocol() != WireProtocol.HTTP) {
            return request.op().label();
        }
        String line = httpTemplate().requestLine();
        return request.http().isCustom() ? line : request.op().label() + " (" + line + ")";
    }

    /**
     * The HTTP request every connection sends: the op's route or the custom request, with the target as
     * its Host; built and checked by the shared encoder.
     *
     * @throws IllegalArgumentException naming the broken HTTP rule
     */
    public HttpRequestTemplate httpTemplate() {
        return HttpClientProtocol.template(target.hostPort(), request);
    }

    /** @throws IllegalArgumentException with {@code rule} when {@code ok} is false */
    static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
