package netarena.experiments.workload;

import netarena.load.Arrivals;

/**
 * How the generator offers a {@link Workload}: closed loop (each connection sends its next request when an
 * answer arrives) or open loop (requests on a fixed schedule, whatever is outstanding).
 */
public sealed interface LoadShape {

    /** Connections the generator opens, at least 1. */
    int connections();

    /** @param connections connections, each keeping one request outstanding */
    record ClosedLoop(int connections) implements LoadShape {
        public ClosedLoop {
            requireConnections(connections);
        }
    }

    /**
     * @param connections   connections that carry the schedule
     * @param ratePerSecond requests per second for the whole run, at least 1
     * @param arrivals      constant spacing, or Poisson (as queueing models assume)
     */
    record OpenLoop(int connections, long ratePerSecond, Arrivals arrivals) implements LoadShape {
        public OpenLoop {
            requireConnections(connections);
            if (ratePerSecond < 1) {
                throw new IllegalArgumentException("ratePerSecond must be at least 1, got " + ratePerSecond);
            }
            if (arrivals == null) {
                throw new IllegalArgumentException("an open loop needs its arrivals: constant or poisson");
            }
        }
    }

    private static void requireConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
    }
}
