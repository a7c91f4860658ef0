package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The config's parts each check their own rules and name the broken one; the defaults are ServerDefaults'. */
class ServerConfigTest {

    private static void assertRule(String rule, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(rule), "message '" + e.getMessage() + "' does not say '" + rule + "'");
    }

    @Test
    void defaultsAreServerDefaults() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals(ServerDefaults.PROTOCOL, config.protocol());
        assertEquals(new ServerConfig.Bind(ServerDefaults.BIND_HOST, ServerDefaults.PORT, ServerDefaults.BACKLOG),
                config.bind());
        assertEquals(new ServerConfig.Threads(ServerDefaults.IO_THREADS, ServerDefaults.WORKERS,
                ServerDefaults.WORKER_QUEUE), config.threads());
        assertEquals(new ServerConfig.Limits(ServerDefaults.MAX_CONNECTIONS, ServerDefaults.MAX_FRAME_BYTES,
                ServerDefaults.MAX_PENDING_BYTES, ServerDefaults.maxBufferedBytes(), ServerDefaults.MAX_PIPELINED),
                config.limits());
        assertEquals(new ServerConfig.Timeouts(ServerDefaults.IDLE_TIMEOUT, ServerDefaults.HEADER_TIMEOUT,
                ServerDefaults.GRACE), config.timeouts());
        assertEquals(ServerDefaults.TEST_COST_MICROS, config.testCostMicros());
        assertEquals(new ServerConfig.WorkerPool(ServerDefaults.WORKER_POOL, ServerDefaults.WORKER_POOL_MAX,
                ServerDefaults.WORKER_KEEP_ALIVE), config.threads().pool());
    }

    @Test
    void aWorkerPoolKindReadsBackFromItsLabel() {
        for (WorkerPoolKind kind : WorkerPoolKind.values()) {
            assertEquals(kind, WorkerPoolKind.fromLabel(kind.label()));
        }
        assertEquals("work-stealing", WorkerPoolKind.WORK_STEALING.label());
        ServerConfig elastic = ServerConfig.builder().workerPool(WorkerPoolKind.ELASTIC).build();
        assertEquals(elastic, elastic.toBuilder().build(), "the builder keeps the pool");
    }

    @Test
    void aBuilderChangesOnlyWhatItIsTold() {
        ServerConfig base = ServerConfig.builder().protocol(WireProtocol.HTTP).threads(4, 2).maxPipelined(7)
                .idleTimeout(Duration.ofSeconds(3)).build();
        assertEquals(base, base.toBuilder().build());
        ServerConfig changed = base.toBuilder().maxConnections(3).build();
        assertEquals(3, changed.limits().connections());
        assertEquals(7, changed.limits().pipelined());
        assertEquals(new ServerConfig.Threads(4, 2, ServerDefaults.WORKER_QUEUE), changed.threads());
        assertEquals(WireProtocol.HTTP, changed.protocol());
        assertEquals(base.timeouts(), changed.timeouts());
    }

    @Test
    void eachPartNamesTheRuleItBreaks() {
        assertRule("port must be between 0 and 65535, was 70000", () -> new ServerConfig.Bind("127.0.0.1", 70_000, 1));
        assertRule("bind host must be set", () -> new ServerConfig.Bind(" ", 0, 1));
        assertRule("backlog must be >= 1, was 0", () -> ServerConfig.builder().backlog(0).build());
        assertRule("ioThreads must be >= 0, was -1", () -> ServerConfig.builder().threads(-1, 0).build());
        assertRule("workerQueue must be >= 1, was 0", () -> ServerConfig.builder().workerQueue(0).build());
        assertRule("maxPendingBytes must be >= 1024, was 10", () -> ServerConfig.builder().maxPendingBytes(10).build());
        assertRule("maxBufferedBytes must be >= maxPendingBytes (1048576), was 4096",
                () -> ServerConfig.builder().maxBufferedBytes(4096).build());
        assertRule("maxPipelined must be >= 1, was 0", () -> ServerConfig.builder().maxPipelined(0).build());
        assertRule("headerTimeout must be > 0", () -> ServerConfig.builder().headerTimeout(Duration.ZERO).build());
        assertRule("grace must be >= 0", () -> ServerConfig.builder().grace(Duration.ofSeconds(-1)).build());
        assertRule("an elastic pool's maximum must be >= workers (8), was 4", () -> ServerConfig.builder().threads(1, 8)
                .workerPool(new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 4, Duration.ofSeconds(1))).build());
        assertRule("the worker keep-alive must be > 0, was PT0S",
                () -> new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 4, Duration.ZERO));
        assertRule("the worker pool's maximum must be >= 1, was 0",
                () -> new ServerConfig.WorkerPool(WorkerPoolKind.FIXED, 0, Duration.ofSeconds(1)));
        assertRule("unknown worker pool 'cached': expected one of fixed, elastic, work-stealing, virtual",
                () -> WorkerPoolKind.fromLabel("cached"));
        assertRule("testCostMicros must be 0 to 1000000, was 1000001",
                () -> ServerConfig.builder().testCostMicros(1_000_001).build());
    }
}
