package netarena.experiments.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netarena.load.AgentSlice;
import netarena.load.Arrivals;
import netarena.load.LoadPlan;
import netarena.load.OpenLoop;
import netarena.load.SendSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgentShareTest {

    private static final long RATE = 40_000;
    private static final int CONNECTIONS = 16;
    private static final long HORIZON_NANOS = 250_000_000L;

    private static LoadPlan whole(Arrivals arrivals) {
        return LoadPlan.to("127.0.0.1", 7000).with(new OpenLoop(RATE, arrivals))
                .withLimits(l -> l.withConnections(CONNECTIONS, 2)).withRequest(q -> q.withSeed(7));
    }

    /** Every intended send time before the horizon, of all of the plan's connections, sorted. */
    private static List<Long> schedule(LoadPlan share) {
        List<Long> times = new ArrayList<>();
        for (int slot = 0; slot < share.limits().connections(); slot++) {
            SendSchedule s = share.limits().slice().schedule(share, slot);
            for (long t = s.next(); t < HORIZON_NANOS; t = s.next()) {
                times.add(t);
            }
        }
        Collections.sort(times);
        return times;
    }

    @ParameterizedTest
    @EnumSource(Arrivals.class)
    void theAgentsSlicesTogetherAreTheSingleAgentSchedule(Arrivals arrivals) {
        List<Long> single = schedule(whole(arrivals));
        for (int agents : new int[] {2, 4, 8, 16}) {
            List<Long> union = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                union.addAll(schedule(LoadPlans.share(whole(arrivals), new AgentSlice(i, agents))));
            }
            Collections.sort(union);
            assertEquals(single, union, agents + " agents");
        }
        assertTrue(single.size() > RATE / 5, "the horizon holds " + single.size() + " sends");
    }

    @Test
    void constantArrivalsInterleaveRequestByRequest() {
        int agents = 4;
        for (int i = 0; i < agents; i++) {
            List<Long> mine = schedule(LoadPlans.share(whole(Arrivals.CONSTANT), new AgentSlice(i, agents)));
            for (int n = 0; n < mine.size(); n++) {
                long k = i + (long) n * agents;
                assertEquals(SendSchedule.constantTimeNanos(k, RATE), mine.get(n), "agent " + i + " send " + n);
            }
        }
    }

    @Test
    void theShareDividesConnectionsRateAndBudget() {
        AgentSlice slice = new AgentSlice(1, 4);
        LoadPlan share = LoadPlans.share(whole(Arrivals.POISSON)
                .withBounds(b -> b.forRequests(4_000, Duration.ofSeconds(3))), slice);
        assertEquals(CONNECTIONS / 4, share.limits().connections());
        assertEquals(slice, share.limits().slice());
        assertEquals(new OpenLoop(RATE / 4, Arrivals.POISSON), share.shape());
        assertEquals(1_000, share.bounds().requests());
        assertEquals(Duration.ofSeconds(3), share.bounds().duration());
    }

    @Test
    void refusesAShareThatIsNotWhole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadPlans.share(whole(Arrivals.CONSTANT), new AgentSlice(0, 3)));
        assertTrue(e.getMessage().contains("--connections 16 must be a multiple of the agent count 3"), e.getMessage());
    }
}
