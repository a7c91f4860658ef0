package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An open loop that warms up at full speed: closed loop on its connections during the warmup, then exactly
 * the schedule, counted from the warmup's end, for the measured phase.
 */
@Timeout(30)
class FullSpeedWarmupTest {

    private static final int RATE = 100;

    @AutoClose
    private final TestFrameServer server = TestFrameServer.start();

    private LoadPlan plan(boolean fullSpeed, Duration warmup) {
        return LoadPlan.to("127.0.0.1", server.port())
                .with(new OpenLoop(RATE, Arrivals.CONSTANT).warmingAtFullSpeed(fullSpeed))
                .withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1).withConnections(2, 1))
                .withBounds(b -> b.withWarmup(warmup).forDuration(Duration.ofSeconds(1)));
    }

    /**
     * The requests a measured phase of one second intended: constant arrivals from the schedule's origin,
     * floor(k * 1e9 / 100) < 1 s for k = 0..99. Each is sent, or, where a busy machine held the loop past the
     * end of sending, counted unsent: never one more, never one lost.
     */
    private static long intended(LoadResult.RequestCounts q) {
        return q.sent() + q.unsentBehindSchedule();
    }

    @Test
    void theWarmupRunsClosedLoopAndTheMeasuredPhaseFollowsTheSchedule() {
        LoadResult r = LoadGenerator.run(plan(true, Duration.ofSeconds(1)));
        assertEquals(0, r.errorTotal(), r.errors().toString());
        // on the schedule the warmup would send 100; closed loop on loopback sends thousands
        assertTrue(r.warmup().sent() > 2 * RATE, "warmup at full speed: " + r.warmup());
        assertEquals(RATE, intended(r.requests()), "the measured phase is the schedule: " + r.requests());
        assertEquals(r.requests().sent(), r.sendLag().getTotalCount(),
                "every measured request was paced and its lag recorded");
        assertEquals(r.requests().sent(), r.requests().ok());
    }

    @Test
    void onTheScheduleTheWarmupSendsAtTheRate() {
        LoadResult r = LoadGenerator.run(plan(false, Duration.ofMillis(500)));
        assertEquals(RATE / 2, intended(r.warmup()), "50 intended in the first 500 ms: " + r.warmup());
        assertEquals(RATE, intended(r.requests()));
    }

    @Test
    void aListenerThatEndsTheWarmupEarlyStartsTheScheduleThen() {
        MeasuredPhaseListener warmAfterAThousand = new MeasuredPhaseListener() {
            @Override
            public boolean warmupMayEnd(long warmupAnswers) {
                return warmupAnswers >= 1_000;
            }
        };
        LoadResult r = new LoadGenerator(plan(true, Duration.ofSeconds(20)), StartGate.now(), p -> { },
                warmAfterAThousand).run();
        assertTrue(r.warmup().ok() >= 1_000, "ended by the listener: " + r.warmup());
        assertEquals(RATE, intended(r.requests()), "then the full schedule: " + r.requests());
        assertEquals(0, r.errorTotal(), r.errors().toString());
    }

    @Test
    void withoutAWarmupTheScheduleStartsAtOnce() {
        LoadResult r = LoadGenerator.run(plan(true, Duration.ZERO));
        assertEquals(0, r.warmup().sent());
        assertEquals(RATE, intended(r.requests()));
    }
}
