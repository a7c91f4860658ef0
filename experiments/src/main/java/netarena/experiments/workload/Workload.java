package netarena.experiments.workload;

import netarena.load.Arrivals;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;

/**
 * What the generator sends in an experiment, typed: the request (op, payload, argument), the wire protocol,
 * and the shape of the load. {@link LoadPlans} turns it into a load plan against a started server.
 *
 * @param op        echo, cpu, delay or block
 * @param sizeBytes request payload bytes
 * @param arg       CPU rounds, or microseconds for delay and block
 * @param protocol  frame or http
 * @param shape     closed or open loop, over how many connections
 */
public record Workload(Op op, int sizeBytes, long arg, WireProtocol protocol, LoadShape shape) {

    public Workload {
        if (op == null || protocol == null || shape == null) {
            throw new IllegalArgumentException("a workload needs its op, protocol and shape");
        }
        if (sizeBytes < 0 || arg < 0) {
            throw new IllegalArgumentException("sizeBytes and arg must be >= 0, got " + sizeBytes + " and " + arg);
        }
    }

    /** The load of a sweep cell: closed loop over its connections, or open loop at its constant rate. */
    public static Workload of(CellKey cell) {
        LoadShape shape = cell.openLoop()
                ? new LoadShape.OpenLoop(cell.connections(), Math.round(cell.ratePerSec()), Arrivals.CONSTANT)
                : new LoadShape.ClosedLoop(cell.connections());
        return new Workload(Op.fromLabel(cell.op()), cell.sizeBytes(), cell.arg(), WireProtocol.fromLabel(cell.protocol()),
                shape);
    }

    /** The same request offered in another shape. */
    public Workload withShape(LoadShape other) {
        return new Workload(op, sizeBytes, arg, protocol, other);
    }

    /** The same request, closed loop over {@code connections}. */
    public Workload closedLoop(int connections) {
        return withShape(new LoadShape.ClosedLoop(connections));
    }

    /** The same request, open loop over {@code connections} at {@code ratePerSecond}. */
    public Workload openLoop(int connections, long ratePerSecond, Arrivals arrivals) {
        return withShape(new LoadShape.OpenLoop(connections, ratePerSecond, arrivals));
    }
}
