package netarena.results.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netarena.load.LoadResult;
import org.HdrHistogram.Histogram;

/**
 * Merges the agents of one distributed load run into one result, exactly: counts are added, histograms
 * are added (interval by interval for latency.hlog, whole for the totals), and every percentile is read
 * from the sum. An agent that is missing, failed, started late or was invalid makes the merged result
 * invalid and says which and why. Pure: folders already read in, a result out.
 */
public final class RunMerger {

    /** How far past the common start instant an agent may begin before the merged result is invalid. */
    public static final Duration DEFAULT_START_TOLERANCE = Duration.ofMillis(5);
    /** The generator writes one latency.hlog interval a second (netarena.load.LoadGenerator's tick). */
    public static final long INTERVAL_MILLIS = 1_000;
    /** Sections of result.json whose numbers are counts, added field by field. */
    static final List<String> COUNT_SECTIONS = List.of("requests", "warmup_requests", "errors", "connections",
            "http_status_counts");
    /** config fields that are an agent's share of the run, added to give the whole run's. */
    static final List<String> SHARED_CONFIG = List.of("connections", "threads", "rate_per_second", "requests");
    private static final int MAX_MISMATCH_SAMPLES = 10;

    private final Duration startTolerance;

    public RunMerger(Duration startTolerance) {
        if (startTolerance == null || startTolerance.isNegative()) {
            throw new IllegalArgumentException("start tolerance must be zero or more, was " + startTolerance);
        }
        this.startTolerance = startTolerance;
    }

    /** Merges the agents given; at least one must have a result. */
    public MergedRun merge(List<AgentFolder> given) {
        List<AgentFolder> agents = new ArrayList<>(given);
        agents.sort(Comparator.comparingInt(a -> a.index() < 0 ? Integer.MAX_VALUE : a.index()));
        List<String> problems = new ArrayList<>(membershipProblems(agents));
        List<AgentFolder> usable = new ArrayList<>();
        for (AgentFolder a : agents) {
            for (String p : a.problems()) {
                problems.add(name(a) + ": " + p);
            }
            if (a.usable()) {
                usable.add(a);
                a.result().withArray("invalid_reasons").forEach(r -> problems.add(name(a) + " invalid: " + r.asText()));
                if (a.result().hasNonNull("connect_failure")) {
                    problems.add(name(a) + " could not connect: " + a.result().get("connect_failure").asText());
                }
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no agent left a result to merge: " + String.join("; ", problems));
        }
        long toleranceMicros = startTolerance.toNanos() / 1_000;
        for (AgentFolder a : usable) {
            if (a.start().lateMicros() > toleranceMicros) {
                problems.add(String.format(Locale.ROOT, "%s started %.3f ms after the common start instant (tolerance "
                        + "%.3f ms): its share of the schedule was sent late", name(a), a.start().lateMicros() / 1000.0,
                        toleranceMicros / 1000.0));
            }
        }
        long base = usable.stream().mapToLong(a -> commonStartMillis(a)).min().orElseThrow();
        List<TimedInterval> intervals = IntervalMerge.merge(usable.stream().map(AgentFolder::intervals).toList(),
                base, INTERVAL_MILLIS);
        Map<String, Histogram> totals = new LinkedHashMap<>();
        for (String key : AgentFolder.HISTOGRAM_KEYS) {
            totals.put(key, IntervalMerge.sum(usable.stream().map(a -> a.totals().get(key)).toList()));
        }
        long skew = startSkewMicros(usable);
        ObjectNode result = mergedTree(agents, usable, totals, problems, skew);
        return new MergedRun(List.copyOf(agents), result, intervals, Map.copyOf(totals), skew, List.copyOf(problems));
    }

    /** Each index 0..count-1 once, all agents agreeing on the count. */
    private static List<String> membershipProblems(List<AgentFolder> agents) {
        List<String> problems = new ArrayList<>();
        int count = agents.stream().mapToInt(AgentFolder::count).max().orElse(0);
        if (agents.stream().anyMatch(a -> a.count() != 0 && a.count() != count)) {
            problems.add("the agents disagree on how many they are: they were not started as one run");
        }
        boolean[] seen = new boolean[Math.max(count, 0)];
        for (AgentFolder a : agents) {
            if (a.index() >= 0 && a.index() < count) {
                if (seen[a.index()]) {
                    problems.add("agent " + a.index() + " appears twice: its share of the schedule was sent twice");
                }
                seen[a.index()] = true;
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                problems.add("agent " + i + " of " + count + " is missing: its share of the schedule is not in the result");
            }
        }
        return problems;
    }

    private ObjectNode mergedTree(List<AgentFolder> agents, List<AgentFolder> usable, Map<String, Histogram> totals,
            List<String> problems, long skew) {
        ObjectNode root = usable.get(0).result().deepCopy();
        List<JsonNode> trees = usable.stream().map(a -> (JsonNode) a.result()).toList();
        int exit = MergedJson.exitCode(agents, !problems.isEmpty());
        root.put("status", LoadResult.status(exit));
        root.put("exit_code", exit);
        root.put("valid", problems.isEmpty());
        root.put("partial", trees.stream().anyMatch(t -> t.path("partial").asBoolean()));
        ArrayNode reasons = root.putArray("invalid_reasons");
        problems.forEach(reasons::add);
        String connectFailure = MergedJson.firstText(trees, "connect_failure");
        if (connectFailure == null) {
            root.putNull("connect_failure");
        } else {
            root.put("connect_failure", connectFailure);
        }
        ObjectNode config = (ObjectNode) root.path("config");
        for (String field : SHARED_CONFIG) {
            MergedJson.sumField(config, trees, "config", field);
        }
        config.put("agents", agents.size());
        root.put("measured_seconds", trees.stream().mapToDouble(t -> t.path("measured_seconds").asDouble()).max().orElse(0));
        ObjectNode throughput = (ObjectNode) root.path("throughput");
        for (String field : List.of("requested_per_second", "sent_per_second", "ok_per_second")) {
            MergedJson.sumField(throughput, trees, "throughput", field);
        }
        MergedJson.generator((ObjectNode) root.path("generator"), trees, root.path("measured_seconds").asDouble());
        for (String section : COUNT_SECTIONS) {
            root.set(section, MergedJson.sumCounts(trees.stream().map(t -> t.path(section)).toList()));
        }
        ArrayNode samples = root.putArray("mismatch_samples");
        trees.forEach(t -> t.path("mismatch_samples").forEach(s -> {
            if (samples.size() < MAX_MISMATCH_SAMPLES) {
                samples.add(s);
            }
        }));
        totals.forEach((key, h) -> MergedJson.percentiles(root.putObject(key), h));
        ObjectNode merge = root.putObject("merge");
        merge.put("agents", agents.size());
        merge.put("merged", usable.size());
        merge.put("start_skew_micros", skew);
        merge.put("start_tolerance_micros", startTolerance.toNanos() / 1_000);
        merge.put("interval_millis", INTERVAL_MILLIS);
        ArrayNode perAgent = root.putArray("agents");
        agents.forEach(a -> perAgent.add(MergedJson.agentFigures(a)));
        return root;
    }

    /** The agent's common start instant in epoch ms, or its first interval's start without one. */
    private static long commonStartMillis(AgentFolder a) {
        if (a.start().requestedEpochMicros() > 0) {
            return a.start().requestedEpochMicros() / 1_000;
        }
        return a.intervals().isEmpty() ? Long.MAX_VALUE : a.intervals().get(0).startEpochMillis();
    }

    private static long startSkewMicros(List<AgentFolder> usable) {
        long[] starts = usable.stream().mapToLong(a -> a.start().actualEpochMicros()).filter(t -> t > 0).toArray();
        if (starts.length < 2) {
            return -1;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : starts) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return max - min;
    }

    static String name(AgentFolder a) {
        return a.index() >= 0 ? "agent " + a.index() : "agent in " + a.dir();
    }
}
