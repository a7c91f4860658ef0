package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import netarena.protocol.Op;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What throughput and the latency histogram count: the measured window's answers, and timeouts at their time. */
@Timeout(30)
class WindowCountingTest {

    private static final int CONNECTIONS = 3;
    @AutoClose
    private final TestFrameServer server = TestFrameServer.start();

    private LoadPlan plan() {
        return LoadPlan.to("127.0.0.1", server.port()).withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1)
                .withConnections(CONNECTIONS, 1));
    }

    /**
     * Closed loop with one request outstanding per connection and a 40 ms answer: when sending stops, each
     * connection has exactly one request out, answered during the drain; throughput leaves those out, and
     * the answers to warmup requests that arrive after the warmup too (they are warmup answers).
     */
    @Test
    void closedLoopThroughputLeavesOutTheDrainsAnswers() {
        LoadResult r = LoadGenerator.run(plan().withRequest(q -> q.withOp(Op.DELAY, 16, 40_000))
                .withBounds(b -> b.withWarmup(Duration.ofMillis(100)).forDuration(Duration.ofMillis(600))));
        LoadResult.RequestCounts q = r.requests();
        assertEquals(0, r.errorTotal(), r.errors().toString());
        assertEquals(q.sent(), q.ok(), "every measured request answered, the last ones in the drain");
        assertEquals(CONNECTIONS, q.ok() - q.okInWindow(), "one answer per connection came after the window: " + q);
        assertEquals(q.okInWindow() / r.measuredSeconds(), r.okPerSecond(), 1e-9);
        assertEquals(q.ok(), r.latency().getTotalCount(), "the drain's answers still have a latency");
        assertEquals(0, r.warmup().okInWindow());
    }

    /**
     * A silent server: every measured request times out and enters the latency histogram at no less than
     * the timeout, flagged in result.json, instead of leaving an empty histogram that reads as fast.
     */
    @Test
    void timedOutRequestsEnterTheLatencyHistogramAtTheirTimeout() {
        server.silent(true);
        Duration timeout = Duration.ofMillis(150);
        LoadResult r = LoadGenerator.run(plan().with(new OpenLoop(100, Arrivals.CONSTANT))
                .withBounds(b -> b.forDuration(Duration.ofMillis(800)).withTimeouts(timeout, Duration.ofSeconds(2))));
        long timeouts = r.errors().get(ErrorKind.TIMEOUT);
        assertTrue(timeouts > 20, "timeouts: " + r.errors());
        assertEquals(0, r.requests().ok());
        assertEquals(timeouts, r.latency().getTotalCount(), "each timeout is one latency sample");
        assertTrue(r.latency().getMinValue() >= timeout.toNanos() / 1_000, "min " + r.latency().getMinValue());
        JsonNode latency = ResultFiles.toJson(r).get("latency_micros");
        assertEquals(timeouts, latency.get("timed_out_samples").asLong());
        assertEquals(timeouts, latency.get("count").asLong());
    }

    /**
     * One request every 500 ms answered after 300 ms, with a 100 ms timeout: each times out, then its answer
     * comes late (all but the last, within the run); the request stays in the histogram once, at its timeout.
     */
    @Test
    void aLateAnswerDoesNotEnterTheHistogramTwice() {
        LoadResult r = LoadGenerator.run(plan().withLimits(l -> l.withConnections(1, 1))
                .withRequest(q -> q.withOp(Op.DELAY, 16, 300_000)).with(new OpenLoop(2, Arrivals.CONSTANT))
                .withBounds(b -> b.forDuration(Duration.ofMillis(1_200))
                        .withTimeouts(Duration.ofMillis(100), Duration.ofSeconds(2))));
        assertEquals(0, r.requests().ok(), r.requests().toString());
        assertTrue(r.requests().late() >= 1, "late answers: " + r.requests());
        assertEquals(r.errors().get(ErrorKind.TIMEOUT), r.latency().getTotalCount(), "once each, though answered too");
    }

    /** The spinning pacer sends the same schedule: every intended request goes out once, and is answered. */
    @Test
    void aSpinningPacerSendsItsWholeSchedule() {
        LoadResult r = LoadGenerator.run(plan().with(new OpenLoop(2_000, Arrivals.CONSTANT))
                .withLimits(l -> l.withSpin(Duration.ofNanos(200_000)))
                .withBounds(b -> b.forRequests(1_500, Duration.ofSeconds(10))));
        assertEquals(1_500, r.requests().sent());
        assertEquals(1_500, r.requests().ok());
        assertEquals(1_500, r.sendLag().getTotalCount());
    }
}
