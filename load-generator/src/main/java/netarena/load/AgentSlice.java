package netarena.load;

/**
 * Agent {@code index} of {@code count}: its share of one load run sent from several processes or machines.
 * Pure arithmetic; no clock, no sockets.
 *
 * <p>The whole run has C connections and, open loop, R requests per second; its schedule is the union of
 * C per-connection schedules ({@link SendSchedule}). Agent i opens C / count connections and sends the
 * schedules of the run's connections i, i + count, i + 2 count, ...: the union over agents is exactly the
 * whole run's schedule, the same intended instants for constant and for seeded Poisson arrivals. For
 * constant arrivals agent i's instants are those of requests i, i + count, i + 2 count, ... of the run's
 * sequence {@code floor(k * 1e9 / R)}: the agents interleave request by request. Hence the rule that
 * count divides C (and R, and a request budget), so every agent's share is whole and equal; the plan of a
 * share is made by experiments' LoadPlans.
 *
 * @param index this agent, 0 to count - 1
 * @param count the agents of the run, at least 1
 */
public record AgentSlice(int index, int count) {

    /** A run sent from one process: its own schedule, unchanged. */
    public static final AgentSlice WHOLE = new AgentSlice(0, 1);
    /** The environment variable Kubernetes sets in each pod of an Indexed Job to the pod's index. */
    public static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

    public AgentSlice {
        if (count < 1) {
            throw new IllegalArgumentException("the agent count must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the agent index must be between 0 and " + (count - 1) + ", was " + index);
        }
    }

    /** The run-wide number of this agent's connection {@code slot}. */
    public int runConnection(int slot) {
        return index + slot * count;
    }

    /**
     * The intended send times of this agent's connection {@code slot}: those of the whole run's connection
     * {@link #runConnection}, in nanoseconds since the common start.
     *
     * @param share this agent's share of the run, open loop: its rate and connections are the whole run's
     *              divided by {@link #count}
     */
    public SendSchedule schedule(LoadPlan share, int slot) {
        OpenLoop open = (OpenLoop) share.shape();
        return SendSchedule.of(open.arrivals(), open.ratePerSecond() * count, share.limits().connections() * count,
                runConnection(slot), share.request().seed());
    }

    /**
     * This agent's part of {@code wholeValue} (connections, rate, a request budget) of the whole run.
     *
     * @param option the option that gave it, for the message
     * @throws IllegalArgumentException when count does not divide it: every agent's share is whole and equal
     */
    public long share(long wholeValue, String option) {
        if (wholeValue % count != 0) {
            throw new IllegalArgumentException(option + " " + wholeValue + " must be a multiple of the agent count "
                    + count + ": each agent sends an equal, whole share of the run's schedule");
        }
        return wholeValue / count;
    }
}
