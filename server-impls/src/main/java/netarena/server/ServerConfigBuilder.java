package netarena.server;

import java.time.Duration;
import netarena.protocol.WireProtocol;

/**
 * Builds a {@link ServerConfig} from its defaults ({@link ServerConfig#builder()}) or from another config
 * ({@link ServerConfig#toBuilder()}), one knob at a time; {@link #build} checks every rule. Not thread-safe:
 * one thread builds.
 */
public final class ServerConfigBuilder {

    private WireProtocol protocol = ServerDefaults.PROTOCOL;
    private String host = ServerDefaults.BIND_HOST;
    private int port = ServerDefaults.PORT;
    private int backlog = ServerDefaults.BACKLOG;
    private int ioThreads = ServerDefaults.IO_THREADS;
    private int workers = ServerDefaults.WORKERS;
    private int workerQueue = ServerDefaults.WORKER_QUEUE;
    private boolean runWorkOnIoThreads = ServerDefaults.RUN_WORK_ON_IO_THREADS;
    private ServerConfig.WorkerPool workerPool = ServerConfig.WorkerPool.defaults();
    private int maxConnections = ServerDefaults.MAX_CONNECTIONS;
    private int maxFrameBytes = ServerDefaults.MAX_FRAME_BYTES;
    private int maxPendingBytes = ServerDefaults.MAX_PENDING_BYTES;
    private long maxBufferedBytes = ServerDefaults.maxBufferedBytes();
    private int maxPipelined = ServerDefaults.MAX_PIPELINED;
    private Duration idleTimeout = ServerDefaults.IDLE_TIMEOUT;
    private Duration headerTimeout = ServerDefaults.HEADER_TIMEOUT;
    private Duration grace = ServerDefaults.GRACE;
    private long testCostMicros = ServerDefaults.TEST_COST_MICROS;

    ServerConfigBuilder() {
    }

    ServerConfigBuilder(ServerConfig from) {
        protocol = from.protocol();
        bind(from.bind());
        threads(from.threads());
        limits(from.limits());
        timeouts(from.timeouts());
        testCostMicros = from.testCostMicros();
    }

    public ServerConfig build() {
        return new ServerConfig(protocol, new ServerConfig.Bind(host, port, backlog),
                new ServerConfig.Threads(ioThreads, workers, workerQueue, runWorkOnIoThreads, workerPool),
                new ServerConfig.Limits(maxConnections, maxFrameBytes, maxPendingBytes, maxBufferedBytes, maxPipelined),
                new ServerConfig.Timeouts(idleTimeout, headerTimeout, grace), testCostMicros);
    }

    public ServerConfigBuilder protocol(WireProtocol v) {
        protocol = v;
        return this;
    }

    /** Replaces the host, port and backlog at once. */
    public ServerConfigBuilder bind(ServerConfig.Bind v) {
        host = v.host();
        port = v.port();
        backlog = v.backlog();
        return this;
    }

    public ServerConfigBuilder host(String v) {
        host = v;
        return this;
    }

    public ServerConfigBuilder port(int v) {
        port = v;
        return this;
    }

    public ServerConfigBuilder backlog(int v) {
        backlog = v;
        return this;
    }

    /** Replaces the I/O threads, workers, worker queue, where CPU and BLOCK run and the pool, at once. */
    public ServerConfigBuilder threads(ServerConfig.Threads v) {
        ioThreads = v.io();
        workers = v.workers();
        workerQueue = v.workerQueue();
        runWorkOnIoThreads = v.runWorkOnIoThreads();
        workerPool = v.pool();
        return this;
    }

    /** The I/O threads and the workers, the two a test most often sets together. */
    public ServerConfigBuilder threads(int io, int workerThreads) {
        ioThreads = io;
        workers = workerThreads;
        return this;
    }

    public ServerConfigBuilder workerQueue(int v) {
        workerQueue = v;
        return this;
    }

    /** The kind of worker pool and its knobs. */
    public ServerConfigBuilder workerPool(ServerConfig.WorkerPool v) {
        workerPool = v;
        return this;
    }

    /** The kind of worker pool, with the default maximum and keep-alive. */
    public ServerConfigBuilder workerPool(WorkerPoolKind v) {
        workerPool = ServerConfig.WorkerPool.of(v);
        return this;
    }

    /** With no workers, run CPU and BLOCK on the I/O thread: the anti-pattern, for measurement only. */
    public ServerConfigBuilder runWorkOnIoThreads(boolean v) {
        runWorkOnIoThreads = v;
        return this;
    }

    /** Replaces every limit at once. */
    public ServerConfigBuilder limits(ServerConfig.Limits v) {
        maxConnections = v.connections();
        maxFrameBytes = v.frameBytes();
        maxPendingBytes = v.pendingBytes();
        maxBufferedBytes = v.bufferedBytes();
        maxPipelined = v.pipelined();
        return this;
    }

    public ServerConfigBuilder maxConnections(int v) {
        maxConnections = v;
        return this;
    }

    public ServerConfigBuilder maxFrameBytes(int v) {
        maxFrameBytes = v;
        return this;
    }

    public ServerConfigBuilder maxPendingBytes(int v) {
        maxPendingBytes = v;
        return this;
    }

    public ServerConfigBuilder maxBufferedBytes(long v) {
        maxBufferedBytes = v;
        return this;
    }

    public ServerConfigBuilder maxPipelined(int v) {
        maxPipelined = v;
        return this;
    }

    /** Replaces the idle and header timeouts and the grace period at once. */
    public ServerConfigBuilder timeouts(ServerConfig.Timeouts v) {
        idleTimeout = v.idle();
        headerTimeout = v.header();
        grace = v.grace();
        return this;
    }

    public ServerConfigBuilder idleTimeout(Duration v) {
        idleTimeout = v;
        return this;
    }

    public ServerConfigBuilder headerTimeout(Duration v) {
        headerTimeout = v;
        return this;
    }

    public ServerConfigBuilder grace(Duration v) {
        grace = v;
        return this;
    }

    public ServerConfigBuilder testCostMicros(long v) {
        testCostMicros = v;
        return this;
    }
}
