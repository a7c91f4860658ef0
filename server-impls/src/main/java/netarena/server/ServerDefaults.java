package netarena.server;

import java.time.Duration;
import netarena.protocol.FrameFormat;
import netarena.protocol.WireProtocol;

/**
 * Every default of a server, named and documented once. {@link ServerConfig#defaults()} is built from
 * these, and {@code netarena serve --help} shows them from here; nothing else writes one down.
 */
public final class ServerDefaults {

    private ServerDefaults() {
    }

    /** The wire protocol: the length-prefixed frame format. */
    public static final WireProtocol PROTOCOL = WireProtocol.FRAME;

    /** The address to bind: loopback, so that nothing outside this host can reach a server by default. */
    public static final String BIND_HOST = "127.0.0.1";

    /** The port to bind: 0 lets the kernel pick a free one, which the server reports once listening. */
    public static final int PORT = 0;

    /** The listen backlog, in connections: room for a burst of connects while the acceptor catches up. */
    public static final int BACKLOG = 1024;

    /** I/O threads: 0 means the model's own default (one per core, or a thread per client). */
    public static final int IO_THREADS = 0;

    /** Worker threads: 0 runs every request on the I/O thread that read it. */
    public static final int WORKERS = 0;

    /** Requests that may wait for a worker before new ones are answered BUSY. */
    public static final int WORKER_QUEUE = 4096;

    /** What runs the work that is not I/O: N platform threads, started with the server and kept. */
    public static final WorkerPoolKind WORKER_POOL = WorkerPoolKind.FIXED;

    /**
     * The most threads an elastic worker pool grows to. Bounded, so that a burst of blocking work cannot turn
     * into thousands of threads: 64 leave 32 long-work slots and as many threads for short work.
     */
    public static final int WORKER_POOL_MAX = 64;

    /**
     * How long a thread of an elastic pool beyond its core waits idle before it ends: 60 s, as in the JDK's
     * {@code Executors.newCachedThreadPool}.
     */
    public static final Duration WORKER_KEEP_ALIVE = Duration.ofSeconds(60);

    /** CPU and BLOCK run on workers, never on an I/O thread, unless the operator asks for the anti-pattern. */
    public static final boolean RUN_WORK_ON_IO_THREADS = false;

    /** Connections served at once; more are accepted, closed and counted refused. */
    public static final int MAX_CONNECTIONS = 10_000;

    /** The largest frame length (or HTTP body) accepted, in bytes: the protocol's own default. */
    public static final int MAX_FRAME_BYTES = FrameFormat.DEFAULT_MAX_FRAME_BYTES;

    /** Unsent answer bytes per connection past which the server stops reading from it: 1 MiB. */
    public static final int MAX_PENDING_BYTES = 1 << 20;

    /** Requests read and not yet answered per connection past which the server stops reading from it. */
    public static final int MAX_PIPELINED = 1024;

    /** How long a connection may stay with no byte read or written and no request in flight. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** How long a request may take to arrive whole after its first byte: the slowloris defence. */
    public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

    /** How long a stop waits for the requests in flight to be answered and written. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    /** Test-only CPU cost per request, in microseconds: none. */
    public static final long TEST_COST_MICROS = 0;

    /** The least {@link #maxBufferedBytes()} gives, however small the heap: 8 MiB. */
    public static final long MIN_MAX_BUFFERED_BYTES = 8L << 20;

    /**
     * The whole server's budget for bytes held on behalf of connections, in bytes: a quarter of this JVM's
     * maximum heap, at least {@link #MIN_MAX_BUFFERED_BYTES}. A quarter, because G1 keeps an array of half a
     * region or more in whole regions, so 1 MiB answers can take twice their size, and the rest of the heap
     * is the server's own. Read from the running JVM, so it is a method, not a constant.
     */
    public static long maxBufferedBytes() {
        return Math.max(MIN_MAX_BUFFERED_BYTES, Runtime.getRuntime().maxMemory() / 4);
    }
}
