package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The measured phase's edges as a listener sees them: once each, in order, after the warmup. */
@Timeout(30)
class MeasuredPhaseListenerTest {

    @AutoClose
    private final TestFrameServer server = TestFrameServer.start();

    /** Records each call with the answers the server had given by then. */
    private class Edges implements MeasuredPhaseListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void measuredPhaseStarted() {
            calls.add("started");
        }

        @Override
        public void measuredPhaseEnded() {
            calls.add("ended");
        }
    }

    private LoadPlan plan(Duration warmup) {
        return LoadPlan.to("127.0.0.1", server.port()).withLimits(l -> l.withMaxLag(Duration.ofSeconds(1)))
                .withBounds(b -> b.forDuration(Duration.ofMillis(400)).withWarmup(warmup));
    }

    @Test
    void startsAfterTheWarmupAndEndsWhenSendingStops() {
        Edges edges = new Edges();
        LoadResult r = new LoadGenerator(plan(Duration.ofMillis(300)), StartGate.now(), p -> { }, edges).run();
        assertEquals(List.of("started", "ended"), edges.calls);
        assertTrue(r.warmup().ok() > 0, "the warmup ran before the phase: " + r.warmup());
    }

    @Test
    void withoutWarmupTheRunIsTheMeasuredPhase() {
        Edges edges = new Edges();
        new LoadGenerator(plan(Duration.ZERO), StartGate.now(), p -> { }, edges).run();
        assertEquals(List.of("started", "ended"), edges.calls);
    }

    @Test
    void aRunStoppedInItsWarmupNeverStartsThePhase() {
        Edges edges = new Edges();
        AtomicReference<LoadGenerator> generator = new AtomicReference<>();
        // the first progress report comes a second into the 20 s warmup
        generator.set(new LoadGenerator(plan(Duration.ofSeconds(20)), StartGate.now(), p -> generator.get().stop(), edges));
        generator.get().run();
        assertEquals(List.of(), edges.calls);
    }

    @Test
    void aListenerEndsTheWarmupOnceWarmAndTheMeasuredPhaseRunsItsFullDuration() {
        Edges edges = new Edges() {
            @Override
            public boolean warmupMayEnd(long warmupAnswers) {
                return warmupAnswers >= 200;
            }
        };
        LoadResult r = new LoadGenerator(plan(Duration.ofSeconds(20)), StartGate.now(), p -> { }, edges).run();
        assertEquals(List.of("started", "ended"), edges.calls);
        assertTrue(r.warmup().ok() >= 200, r.warmup().toString());
        // the plan's 20 s warmup was cut short; the phase sent for its 400 ms from the cut
        assertTrue(r.measuredSeconds() >= 0.39 && r.measuredSeconds() < 5, "measured " + r.measuredSeconds());
        assertTrue(r.requests().ok() > 0, r.requests().toString());
    }
}
