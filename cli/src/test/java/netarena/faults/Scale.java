package netarena.faults;

import java.time.Duration;

/**
 * How hard the fault suite pushes: {@link #QUICK} in the default build (every scenario on every model in
 * a few minutes on two cores), {@link #FULL} in the soak profile (the counts the issue names).
 *
 * @param name              how the report names it
 * @param resets            clients that reset mid-request or mid-response (half each)
 * @param slowClients       slowloris connections, one byte a second
 * @param headerTimeout     the server's header timeout in the slowloris scenario
 * @param attackSeconds     how long healthy traffic is measured with and without an attack
 * @param neverReaders      clients that never read, against a server in its own JVM with -Xmx256m
 * @param concurrentBlocks  concurrent BLOCK requests against two workers
 * @param probes            healthy probes, half a second apart, while work hogs a server
 * @param stopConnections   connections pipelining three DELAYs each when SIGTERM comes
 * @param stopDelayMicros   each of those DELAYs, in microseconds
 */
record Scale(String name, int resets, int slowClients, Duration headerTimeout, double attackSeconds,
        int neverReaders, int concurrentBlocks, int probes, int stopConnections, long stopDelayMicros) {

    static final Scale QUICK = new Scale("quick (default build)", 500, 200, Duration.ofSeconds(1), 1.0, 200, 500,
            10, 20, 300_000);
    static final Scale FULL = new Scale("full (soak profile)", 500, 1000, Duration.ofSeconds(2), 2.0, 200, 500,
            24, 100, 1_000_000);
}
