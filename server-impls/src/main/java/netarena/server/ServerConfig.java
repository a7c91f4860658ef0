package netarena.server;

import java.time.Duration;
import netarena.protocol.FrameFormat;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.WireProtocol;

/**
 * Every knob of a server, with all defaults in {@link #defaults}. Built by {@code netarena serve} and by
 * tests alike.
 *
 * @param model           the I/O model
 * @param protocol        the wire protocol spoken on every connection
 * @param bindHost        the address to bind; loopback unless the user says otherwise
 * @param port            the port to bind; 0 picks a free one
 * @param ioThreads       threads that move bytes: reactors, event loops, completion threads, carriers, or for
 *                        thread-per-client the fixed pool size; 0 means the model's default
 * @param workers         threads that run requests apart from the I/O threads; 0 runs them on the I/O thread
 * @param workerQueue     requests that may wait for a worker; beyond it a request is answered BUSY
 * @param maxConnections  connections served at once; those past it are accepted, closed and counted refused
 * @param maxFrameBytes   the largest frame length (or HTTP body) accepted
 * @param maxPendingBytes unsent answer bytes per connection past which the server stops reading from it
 * @param maxBufferedBytes the whole server's budget for bytes held on behalf of connections (partial requests,
 *                        requests not yet answered, answers not yet written): past it, a connection holding
 *                        more than {@link #FAIR_SHARE_BYTES} stops reading until the total falls back under
 * @param backlog         the listen backlog
 * @param grace           how long {@link Server#close()} and SIGTERM wait for requests in flight
 * @param idleTimeout     a connection with no byte read or written for this long, and no request being worked
 *                        on, is closed (a client that stopped reading its answers too, once nothing moves)
 * @param headerTimeout   a request (a frame, or an HTTP request: head and body) begun but not whole this long
 *                        after its first byte closes its connection, after the answers to the requests before
 *                        it: the slowloris defence. The clock stops while the server itself is not reading
 *                        (backpressure), since the client is not the one being slow then
 * @param maxPipelined    requests read and not yet answered per connection past which the server stops
 *                        reading from it
 * @param testCostMicros  test-only: CPU spent on every request before its work, to inject a known
 *                        regression in A/B tests; 0 in real use
 */
public record ServerConfig(
        ServerModel model,
        WireProtocol protocol,
        String bindHost,
        int port,
        int ioThreads,
        int workers,
        int workerQueue,
        int maxConnections,
        int maxFrameBytes,
        int maxPendingBytes,
        long maxBufferedBytes,
        int backlog,
        Duration grace,
        Duration idleTimeout,
        Duration headerTimeout,
        int maxPipelined,
        long testCostMicros) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";

    /**
     * Bytes a connection may always hold, whatever the server-wide budget says, so that a few hoarding
     * connections cannot stop small requests on the others.
     */
    public static final int FAIR_SHARE_BYTES = 64 * 1024;

    public ServerConfig {
        require(model != null, "model must be set");
        require(protocol != null, "protocol must be set");
        require(bindHost != null && !bindHost.isBlank(), "bindHost must be set");
        require(port >= 0 && port <= 65535, "port must be between 0 and 65535, was " + port);
        require(ioThreads >= 0, "ioThreads must be >= 0, was " + ioThreads);
        require(workers >= 0, "workers must be >= 0, was " + workers);
        require(workerQueue >= 1, "workerQueue must be >= 1, was " + workerQueue);
        require(maxConnections >= 1, "maxConnections must be >= 1, was " + maxConnections);
        require(maxFrameBytes >= FrameFormat.REQUEST_FIXED_BYTES,
                "maxFrameBytes must be >= " + FrameFormat.REQUEST_FIXED_BYTES + ", was " + maxFrameBytes);
        require(maxPendingBytes >= 1024, "maxPendingBytes must be >= 1024, was " + maxPendingBytes);
        require(maxBufferedBytes >= maxPendingBytes,
                "maxBufferedBytes must be >= maxPendingBytes (" + maxPendingBytes + "), was " + maxBufferedBytes);
        require(backlog >= 1, "backlog must be >= 1, was " + backlog);
        require(grace != null && !grace.isNegative(), "grace must be >= 0");
        require(idleTimeout != null && idleTimeout.isPositive(), "idleTimeout must be > 0");
        require(headerTimeout != null && headerTimeout.isPositive(), "headerTimeout must be > 0");
        require(maxPipelined >= 1, "maxPipelined must be >= 1, was " + maxPipelined);
        require(testCostMicros >= 0 && testCostMicros <= 1_000_000, "testCostMicros must be 0 to 1000000, was " + testCostMicros);
    }

    public static ServerConfig defaults(ServerModel model) {
        return new ServerConfig(model, WireProtocol.FRAME, DEFAULT_BIND_HOST, 0, 0, 0, 4096, 10_000,
                FrameFormat.DEFAULT_MAX_FRAME_BYTES, 1 << 20, defaultMaxBufferedBytes(), 1024, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 1024, 0);
    }

    /**
     * A quarter of this JVM's maximum heap (at least 8 MiB): G1 keeps an array of half a region or more in
     * whole regions, so 1 MiB answers can take twice their size, and the rest of the heap is the server's own.
     */
    public static long defaultMaxBufferedBytes() {
        return Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /** The I/O thread count to use: the configured one, or the model's default when 0. */
    public int ioThreadsOr(int modelDefault) {
        return ioThreads > 0 ? ioThreads : modelDefault;
    }

    public ProtocolLimits protocolLimits() {
        return new ProtocolLimits(maxFrameBytes, ProtocolLimits.DEFAULT_MAX_HEADER_BYTES);
    }

    public ServerConfig withProtocol(WireProtocol v) {
        return new ServerConfig(model, v, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withBind(String host, int p) {
        return new ServerConfig(model, protocol, host, p, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withThreads(int io, int work) {
        return new ServerConfig(model, protocol, bindHost, port, io, work, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withWorkerQueue(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, v, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withMaxConnections(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, v,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withMaxFrameBytes(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                v, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withMaxPendingBytes(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, v, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withMaxBufferedBytes(long v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, v, backlog, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withBacklog(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, v, grace, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withGrace(Duration v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, v, idleTimeout, headerTimeout, maxPipelined, testCostMicros);
    }

    public ServerConfig withTimeouts(Duration idle, Duration header) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idle, header, maxPipelined, testCostMicros);
    }

    public ServerConfig withMaxPipelined(int v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, v, testCostMicros);
    }

    public ServerConfig withTestCostMicros(long v) {
        return new ServerConfig(model, protocol, bindHost, port, ioThreads, workers, workerQueue, maxConnections,
                maxFrameBytes, maxPendingBytes, maxBufferedBytes, backlog, grace, idleTimeout, headerTimeout, maxPipelined, v);
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
