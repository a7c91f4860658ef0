package netarena.experiments.workload;

import netarena.load.Arrivals;
import netarena.load.HttpRequestSpec;
import netarena.load.ClosedLoop;
import netarena.load.LoadDefaults;
import netarena.load.LoadShape;
import netarena.load.OpenLoop;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;

/**
 * What the generator sends in an experiment, typed: the request (op, payload, argument), the wire protocol and,
 * over HTTP, the op's route or one custom request, the load generator's own shape of the load and the
 * connections that carry it. {@link LoadPlans} turns it
 * into a load plan against a started server.
 *
 * @param op        echo, cpu, delay or block
 * @param sizeBytes request payload bytes
 * @param arg       CPU rounds, or microseconds for delay and block
 * @param protocol  frame or http
 * @param http      over HTTP, the op's route ({@link HttpRequestSpec#ROUTES}) or a custom request with its
 *                  headers (any HTTP server: {@code --path}); ROUTES over frame
 * @param shape       closed loop (one request outstanding per connection in every experiment) or open loop
 * @param connections connections the generator opens, at least 1
 */
public record Workload(Op op, int sizeBytes, long arg, WireProtocol protocol, HttpRequestSpec http, LoadShape shape,
        int connections) {

    /** Closed loop in every experiment: the generator's default pipeline per connection. */
    public static final ClosedLoop CLOSED_LOOP = new ClosedLoop(LoadDefaults.PIPELINE);

    public Workload {
        if (op == null || protocol == null || http == null || shape == null) {
            throw new IllegalArgumentException("a workload needs its op, protocol, HTTP request and shape");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (sizeBytes < 0 || arg < 0) {
            throw new IllegalArgumentException("sizeBytes and arg must be >= 0, got " + sizeBytes + " and " + arg);
        }
    }

    /**
     * The load of a sweep cell: closed loop over its connections, or open loop at its constant rate. An open
     * cell warms up at full speed: at a few thousand requests a second a warmup on the schedule ends before
     * the JIT has compiled the hot path, and the cell would then time and bill the compiler.
     */
    public static Workload of(CellKey cell) {
        LoadShape shape = cell.openLoop()
                ? new OpenLoop(Math.round(cell.ratePerSec()), Arrivals.CONSTANT, true)
                : CLOSED_LOOP;
        return new Workload(Op.fromLabel(cell.op()), cell.sizeBytes(), cell.arg(), WireProtocol.fromLabel(cell.protocol()),
                HttpRequestSpec.ROUTES, shape, cell.connections());
    }

    /** The same request offered in another shape over {@code newConnections}. */
    public Workload withShape(LoadShape other, int newConnections) {
        return new Workload(op, sizeBytes, arg, protocol, http, other, newConnections);
    }

    /** The same request, closed loop over {@code newConnections}. */
    public Workload closedLoop(int newConnections) {
        return withShape(CLOSED_LOOP, newConnections);
    }

    /** The same request, open loop over {@code newConnections} at {@code ratePerSecond}. */
    public Workload openLoop(int newConnections, long ratePerSecond, Arrivals arrivals) {
        return withShape(new OpenLoop(ratePerSecond, arrivals), newConnections);
    }
}
