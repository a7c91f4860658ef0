package netarena.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import netarena.protocol.FrameFormat;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.WireProtocol;

/**
 * Every knob of a server, by concern; the defaults are {@link ServerDefaults}. Built by {@code netarena
 * serve} and by tests alike, and handed to a model beside it: {@code model.create(config)}. Each part
 * checks its own rules when it is made, and names the broken one.
 *
 * @param protocol       the wire protocol spoken on every connection
 * @param bind           where to listen
 * @param threads        which threads move bytes and run requests
 * @param limits         what bounds the connections, requests and memory
 * @param timeouts       when a connection or a stop gives up waiting
 * @param testCostMicros test-only: CPU spent on every request before its work, in microseconds, to inject a
 *                       known regression in A/B tests; 0 in real use
 */
public record ServerConfig(WireProtocol protocol, Bind bind, Threads threads, Limits limits, Timeouts timeouts,
        long testCostMicros) {

    /** The most {@link #testCostMicros} may be: one second of CPU per request. */
    public static final long MAX_TEST_COST_MICROS = 1_000_000;

    public ServerConfig {
        Objects.requireNonNull(protocol, "protocol must be set");
        Objects.requireNonNull(bind, "bind must be set");
        Objects.requireNonNull(threads, "threads must be set");
        Objects.requireNonNull(limits, "limits must be set");
        Objects.requireNonNull(timeouts, "timeouts must be set");
        require(testCostMicros >= 0 && testCostMicros <= MAX_TEST_COST_MICROS,
                "testCostMicros must be 0 to " + MAX_TEST_COST_MICROS + ", was " + testCostMicros);
    }

    /** Every knob at its {@link ServerDefaults default}. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static ServerConfigBuilder builder() {
        return new ServerConfigBuilder();
    }

    /** A builder that starts from this config, to change a few knobs of it. */
    public ServerConfigBuilder toBuilder() {
        return new ServerConfigBuilder(this);
    }

    /**
     * Where a server listens.
     *
     * @param host    the address to bind; loopback unless the user says otherwise
     * @param port    the port to bind; 0 picks a free one
     * @param backlog the listen backlog, in connections
     */
    public record Bind(String host, int port, int backlog) {
        public Bind {
            require(host != null && !host.isBlank(), "bind host must be set");
            require(port >= 0 && port <= 65535, "port must be between 0 and 65535, was " + port);
            require(backlog >= 1, "backlog must be >= 1, was " + backlog);
        }

        /** The socket address to bind: {@link #host} resolved, and {@link #port}. */
        public InetSocketAddress address() {
            return new InetSocketAddress(host, port);
        }
    }

    /**
     * Which threads serve.
     *
     * @param io          threads that move bytes: reactors, event loops, completion threads, carriers, or for
     *                    thread-per-client the fixed pool size; 0 means the model's default
     * @param workers     threads that run requests apart from the I/O threads; 0 runs them on the I/O thread
     * @param workerQueue requests that may wait for a worker; beyond it a request is answered BUSY
     * @param runWorkOnIoThreads with no workers, run CPU and BLOCK on the I/O thread that read them: the
     *                    anti-pattern, kept to measure it (one connection's BLOCK then stalls every connection of
     *                    that thread, accept included). False by default: they run on workers of their own
     * @param pool        what kind of pool the workers are (and the workers of their own, with no workers)
     */
    public record Threads(int io, int workers, int workerQueue, boolean runWorkOnIoThreads, WorkerPool pool) {
        public Threads {
            require(io >= 0, "ioThreads must be >= 0, was " + io);
            require(workers >= 0, "workers must be >= 0, was " + workers);
            require(workerQueue >= 1, "workerQueue must be >= 1, was " + workerQueue);
            Objects.requireNonNull(pool, "the worker pool must be set");
            require(pool.kind() != WorkerPoolKind.ELASTIC || workers <= pool.maxThreads(),
                    "an elastic pool's maximum must be >= workers (" + workers + "), was " + pool.maxThreads());
        }

        /** With CPU and BLOCK on workers of their own, in the default pool ({@link ServerDefaults}). */
        public Threads(int io, int workers, int workerQueue) {
            this(io, workers, workerQueue, ServerDefaults.RUN_WORK_ON_IO_THREADS, WorkerPool.defaults());
        }

        /** The I/O thread count to use: the configured one, or the model's default when 0. */
        public int ioOr(int modelDefault) {
            return io > 0 ? io : modelDefault;
        }
    }

    /**
     * The kind of the worker pool and the knobs only some kinds read.
     *
     * @param kind       fixed, elastic, work-stealing or virtual
     * @param maxThreads elastic only: the most threads the pool grows to
     * @param keepAlive  elastic only: how long a thread beyond the pool's core waits idle before it ends
     */
    public record WorkerPool(WorkerPoolKind kind, int maxThreads, Duration keepAlive) {
        public WorkerPool {
            Objects.requireNonNull(kind, "the worker pool kind must be set");
            require(maxThreads >= 1, "the worker pool's maximum must be >= 1, was " + maxThreads);
            require(keepAlive != null && keepAlive.isPositive(), "the worker keep-alive must be > 0, was " + keepAlive);
        }

        /** The {@link ServerDefaults#WORKER_POOL default kind} and knobs. */
        public static WorkerPool defaults() {
            return of(ServerDefaults.WORKER_POOL);
        }

        /** {@code kind} with the default maximum and keep-alive. */
        public static WorkerPool of(WorkerPoolKind kind) {
            return new WorkerPool(kind, ServerDefaults.WORKER_POOL_MAX, ServerDefaults.WORKER_KEEP_ALIVE);
        }
    }

    /**
     * What bounds a server's connections, requests and memory.
     *
     * @param connections   connections served at once; those past it are accepted, closed and counted refused
     * @param frameBytes    the largest frame length (or HTTP body) accepted, in bytes
     * @param pendingBytes  unsent answer bytes per connection past which the server stops reading from it
     * @param bufferedBytes the whole server's budget for bytes held on behalf of connections (partial requests,
     *                      requests not yet answered, answers not yet written): past it, a connection holding
     *                      more than {@link #FAIR_SHARE_BYTES} stops reading until the total falls back under
     * @param pipelined     requests read and not yet answered per connection past which the server stops
     *                      reading from it
     */
    public record Limits(int connections, int frameBytes, int pendingBytes, long bufferedBytes, int pipelined) {

        /**
         * Bytes a connection may always hold, whatever the server-wide budget says, so that a few hoarding
         * connections cannot stop small requests on the others.
         */
        public static final int FAIR_SHARE_BYTES = 64 * 1024;

        /** The least {@link #pendingBytes} may be: room for a few answers. */
        public static final int MIN_PENDING_BYTES = 1024;

        public Limits {
            require(connections >= 1, "maxConnections must be >= 1, was " + connections);
            require(frameBytes >= FrameFormat.REQUEST_FIXED_BYTES,
                    "maxFrameBytes must be >= " + FrameFormat.REQUEST_FIXED_BYTES + ", was " + frameBytes);
            require(pendingBytes >= MIN_PENDING_BYTES,
                    "maxPendingBytes must be >= " + MIN_PENDING_BYTES + ", was " + pendingBytes);
            require(bufferedBytes >= pendingBytes,
                    "maxBufferedBytes must be >= maxPendingBytes (" + pendingBytes + "), was " + bufferedBytes);
            require(pipelined >= 1, "maxPipelined must be >= 1, was " + pipelined);
        }

        /** The codec's limits: this frame limit, and the protocol's default header limit. */
        public ProtocolLimits protocolLimits() {
            return new ProtocolLimits(frameBytes, ProtocolLimits.DEFAULT_MAX_HEADER_BYTES);
        }
    }

    /**
     * When a connection, or a stop, gives up waiting.
     *
     * @param idle   a connection with no byte read or written for this long, and no request being worked on, is
     *               closed (a client that stopped reading its answers too, once nothing moves)
     * @param header a request (a frame, or an HTTP request: head and body) begun but not whole this long after
     *               its first byte closes its connection, after the answers to the requests before it: the
     *               slowloris defence. The clock stops while the server itself is not reading (backpressure),
     *               since the client is not the one being slow then
     * @param grace  how long {@link Server#close()} and SIGTERM wait for requests in flight
     */
    public record Timeouts(Duration idle, Duration header, Duration grace) {
        public Timeouts {
            require(idle != null && idle.isPositive(), "idleTimeout must be > 0, was " + idle);
            require(header != null && header.isPositive(), "headerTimeout must be > 0, was " + header);
            require(grace != null && !grace.isNegative(), "grace must be >= 0, was " + grace);
        }
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule);
        }
    }
}
