package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The point of the generator: a server that stalls for 1 s is seen for what it is. In open loop every
 * request intended during the stall waits for its end, so about a sixth of a 6 s run is slow and the
 * corrected p99 is hundreds of milliseconds; a closed loop stops sending during the stall, records one
 * slow request, and its p99 hides the stall (coordinated omission).
 */
@Timeout(40)
class CoordinatedOmissionTest {

    private static LoadResult runWithStall(LoadPlan plan, Duration stallAt) throws Exception {
        try (TestFrameServer server = TestFrameServer.start()) {
            server.stallAfterFirstRequest(stallAt, Duration.ofSeconds(1));
            return LoadGenerator.run(plan.withTarget(t -> new LoadTarget("127.0.0.1", server.port(), t.protocol())));
        }
    }

    @Test
    void openLoopLatencyCountsTheStallFromEachIntendedSendTime() throws Exception {
        LoadPlan plan = LoadPlan.to("127.0.0.1", 1).withLimits(l -> l.withConnections(4, 1))
                .with(new OpenLoop(1_000, Arrivals.CONSTANT))
                .withBounds(b -> b.forDuration(Duration.ofSeconds(6))).withLimits(l -> l
                .withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1));
        LoadResult r = runWithStall(plan, Duration.ofMillis(2_500));
        double p99Millis = r.latency().getValueAtPercentile(99) / 1000.0;
        double serviceP50Millis = r.serviceTime().getValueAtPercentile(50) / 1000.0;
        assertTrue(p99Millis >= 500, "corrected p99 shows the 1 s stall: " + p99Millis + " ms");
        assertTrue(r.latency().getMaxValue() >= 900_000, "max " + r.latency().getMaxValue() + " us");
        assertTrue(serviceP50Millis < 20, "service time p50 stays small: " + serviceP50Millis + " ms");
        assertEquals(6_000, r.requests().sent(), 60, "the schedule kept going through the stall");
        assertEquals(r.requests().sent(), r.requests().ok());
    }

    @Test
    void closedLoopHidesTheStallInItsPercentiles() throws Exception {
        LoadPlan plan = LoadPlan.to("127.0.0.1", 1).with(new ClosedLoop(1))
                .withBounds(b -> b.forDuration(Duration.ofSeconds(3)))
                .withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1));
        LoadResult r = runWithStall(plan, Duration.ofMillis(1_000));
        double p99Millis = r.latency().getValueAtPercentile(99) / 1000.0;
        assertTrue(r.latency().getMaxValue() >= 900_000, "the one stalled request: max " + r.latency().getMaxValue());
        assertTrue(p99Millis < 100, "uncorrected p99 looks fine: " + p99Millis + " ms");
        assertTrue(r.requests().ok() > 500, "ok " + r.requests().ok());
    }
}
