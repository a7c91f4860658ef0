package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgentSliceTest {

    @Test
    void refusesAnIndexOutsideTheCount() {
        assertThrows(IllegalArgumentException.class, () -> new AgentSlice(4, 4));
        assertThrows(IllegalArgumentException.class, () -> new AgentSlice(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new AgentSlice(0, 0));
    }

    @Test
    void connectionsOfAnAgentAreEveryCountthOfTheRun() {
        AgentSlice slice = new AgentSlice(2, 4);
        assertEquals(2, slice.runConnection(0));
        assertEquals(6, slice.runConnection(1));
        assertEquals(14, slice.runConnection(3));
    }

    @Test
    void sharesOnlyWhatTheCountDivides() {
        assertEquals(2_500, new AgentSlice(0, 4).share(10_000, "--rate"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AgentSlice(0, 3).share(10_000, "--rate"));
        assertEquals("--rate 10000 must be a multiple of the agent count 3: each agent sends an equal, whole share"
                + " of the run's schedule", e.getMessage());
    }
}
