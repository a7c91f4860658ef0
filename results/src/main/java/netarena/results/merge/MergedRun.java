package netarena.results.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Several agents' results as one: the merged {@code result.json} tree (the agents' counts added, their
 * histograms added, per-agent figures beside them), the merged latency intervals and totals.
 *
 * @param agents          the agent folders, in index order (unreadable ones last)
 * @param result          the merged result.json
 * @param intervals       the merged latency intervals on the common time base, microseconds
 * @param totals          the merged histograms by result.json key, microseconds
 * @param startSkewMicros the spread of the agents' actual start instants; -1 when fewer than two said
 * @param problems        why the merged figures are not those of the requested run; empty when they are
 */
public record MergedRun(List<AgentFolder> agents, ObjectNode result, List<TimedInterval> intervals,
        Map<String, Histogram> totals, long startSkewMicros, List<String> problems) {

    /** The merged run's exit code, as {@code netarena load} would give it (0 ok, 1 errors, 2 invalid...). */
    public int exitCode() {
        return result.path("exit_code").asInt();
    }
}
