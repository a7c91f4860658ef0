package netarena.load;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The machine's limits are checked before any socket opens, and the refusal names the limit. */
class MachineLimitsTest {

    @Test
    void refusesARateBeyondWhatThisMachinesCpusCanPace() {
        int cpus = Runtime.getRuntime().availableProcessors();
        // within what the plan's threads could pace, but the threads past the CPUs add nothing
        LoadPlan plan = LoadPlan.to("127.0.0.1", 7000).withLimits(l -> l.withConnections(cpus + 1, cpus + 1))
                .with(new OpenLoop(LoadLimits.MAX_RATE_PER_THREAD * (cpus + 1), Arrivals.CONSTANT));
        String why = assertThrows(IllegalArgumentException.class, () -> MachineLimits.check(plan)).getMessage();
        assertTrue(why.contains("more than this machine can pace") && why.contains(cpus + " CPUs"), why);
    }

    @Test
    void acceptsARateItsThreadsCanPace() {
        MachineLimits.check(LoadPlan.to("127.0.0.1", 7000).withLimits(l -> l.withConnections(1, 1))
                .with(new OpenLoop(LoadLimits.MAX_RATE_PER_THREAD, Arrivals.CONSTANT)));
    }

    @Test
    void refusesBeforeOpeningAnythingWhenRunFromCode() {
        // nothing listens on port 1: a refusal from run() (not a connect failure) shows nothing was opened
        long tooMany = Math.max(MachineLimits.maxOpenFiles() + 1, 100_000);
        LoadPlan plan = LoadPlan.to("127.0.0.1", 1).withLimits(l -> l
                .withConnections((int) Math.min(tooMany, LoadLimits.MAX_CONNECTIONS), 1))
                .withBounds(b -> b.forDuration(Duration.ofSeconds(1)));
        String why = assertThrows(IllegalArgumentException.class, () -> LoadGenerator.run(plan)).getMessage();
        assertTrue(why.contains("ulimit -n") || why.contains("ephemeral port range"), why);
    }
}
