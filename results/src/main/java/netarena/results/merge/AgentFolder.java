package netarena.results.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import netarena.load.AgentFiles;
import netarena.load.ResultFiles;

/**
 * What one agent of a distributed load run left in its output folder, read for {@link RunMerger}:
 * {@code result.json} (its counts), {@code latency.hlog} (its latency, interval by interval; names and units
 * are load-generator's {@link ResultFiles}) and {@code agent.json} (its place in the run, when it started, and its total histograms; written by
 * {@code netarena.load.AgentFiles}, fields in docs/DISTRIBUTED.md). Reading never throws for a broken
 * agent: what could not be read is a problem the merged result reports.
 *
 * @param dir       the folder
 * @param index     the agent's index, 0 to count - 1; -1 when agent.json could not be read
 * @param count     how many agents the run had; 0 when agent.json could not be read
 * @param result    its result.json; null when missing or unreadable
 * @param intervals its latency.hlog intervals, microseconds
 * @param totals    its histograms by result.json key ({@link #HISTOGRAM_KEYS}), microseconds
 * @param start     when it was told to start and when it did
 * @param problems  what makes this agent's figures unusable or suspect; empty when none
 */
public record AgentFolder(Path dir, int index, int count, ObjectNode result, List<TimedInterval> intervals,
        Map<String, Histogram> totals, Start start, List<String> problems) {

    private static final String RESULT_JSON = ResultFiles.RESULT_JSON;
    private static final String LATENCY_HLOG = ResultFiles.LATENCY_HLOG;
    private static final String AGENT_JSON = AgentFiles.AGENT_JSON;
    /** The histograms of result.json, by their keys there; agent.json keeps the totals under the same keys. */
    public static final List<String> HISTOGRAM_KEYS = List.of("latency_micros", "service_time_micros",
            "send_lag_micros", "hiccup_micros", "connect_time_micros");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * When an agent was to start its schedule and when it did, microseconds since the epoch.
     *
     * @param requestedEpochMicros the common start instant; 0 when the agent was given none
     * @param actualEpochMicros    when its schedule's time zero was taken
     */
    public record Start(long requestedEpochMicros, long actualEpochMicros) {
        /** How far past the common instant the agent began; 0 when it was given none. */
        public long lateMicros() {
            return requestedEpochMicros == 0 ? 0 : actualEpochMicros - requestedEpochMicros;
        }
    }

    /** True when the agent's counts and histograms can be added to the others'. */
    public boolean usable() {
        return result != null && totals.keySet().containsAll(HISTOGRAM_KEYS);
    }

    /** The agent's exit code as its result.json says it, or -1 without one. */
    public int exitCode() {
        return result == null ? -1 : result.path("exit_code").asInt(-1);
    }

    /** Reads {@code dir}; whatever is missing or broken becomes a problem, never an exception. */
    public static AgentFolder read(Path dir) {
        List<String> problems = new ArrayList<>();
        ObjectNode result = readResult(dir, problems);
        List<TimedInterval> intervals = new ArrayList<>();
        try {
            intervals = readHlog(dir.resolve(LATENCY_HLOG));
        } catch (IOException | RuntimeException e) {
            problems.add("no readable " + LATENCY_HLOG + " (" + e.getMessage() + ")");
        }
        int index = -1;
        int count = 0;
        Start start = new Start(0, 0);
        Map<String, Histogram> totals = new LinkedHashMap<>();
        try {
            JsonNode agent = JSON.readTree(dir.resolve(AGENT_JSON).toFile());
            index = agent.path("index").asInt(-1);
            count = agent.path("count").asInt(0);
            start = new Start(agent.path("start_at_epoch_micros").asLong(0), agent.path("started_epoch_micros").asLong(0));
            JsonNode histograms = agent.path("histograms");
            for (String key : HISTOGRAM_KEYS) {
                if (histograms.hasNonNull(key)) {
                    totals.put(key, decode(histograms.get(key).asText()));
                } else {
                    problems.add(AGENT_JSON + " has no " + key + " histogram");
                }
            }
        } catch (IOException | DataFormatException | RuntimeException e) {
            problems.add("no readable " + AGENT_JSON + " (" + e.getMessage() + "): not run as an agent, or it failed");
        }
        if (problems.isEmpty()) {
            checkLogComplete(intervals, totals.get("latency_micros"), problems);
        }
        return new AgentFolder(dir, index, count, result, List.copyOf(intervals), Map.copyOf(totals), start,
                List.copyOf(problems));
    }

    private static ObjectNode readResult(Path dir, List<String> problems) {
        try {
            JsonNode tree = JSON.readTree(dir.resolve(RESULT_JSON).toFile());
            if (tree instanceof ObjectNode o) {
                return o;
            }
            problems.add(RESULT_JSON + " is not a JSON object");
        } catch (IOException e) {
            problems.add("no readable " + RESULT_JSON + " (" + e.getMessage() + "): the agent failed before it finished");
        }
        return null;
    }

    /** The log's intervals must add up to the agent's own total: a log cut short would merge too few latencies. */
    private static void checkLogComplete(List<TimedInterval> intervals, Histogram latency, List<String> problems) {
        if (latency == null) {
            return;
        }
        long inLog = IntervalMerge.total(intervals).getTotalCount();
        if (inLog != latency.getTotalCount()) {
            problems.add(LATENCY_HLOG + " holds " + inLog + " latencies but the agent's total holds "
                    + latency.getTotalCount() + ": the log is incomplete");
        }
    }

    /**
     * The intervals of an hlog written as {@link ResultFiles#LATENCY_HLOG}, with their absolute start and end
     * times; values in microseconds (the file holds {@link ResultFiles#HLOG_VALUE_UNIT}).
     */
    static List<TimedInterval> readHlog(Path file) throws IOException {
        List<TimedInterval> out = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            EncodableHistogram e;
            while ((e = reader.nextIntervalHistogram()) != null) {
                if (e instanceof AbstractHistogram h) {
                    out.add(new TimedInterval(h.getStartTimeStamp(), h.getEndTimeStamp(),
                            ResultFiles.fromHlogValues(h)));
                }
            }
        } finally {
            reader.close();
        }
        return out;
    }

    /** A histogram from agent.json: HdrHistogram's compressed encoding, base64. */
    static Histogram decode(String base64) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    }
}
