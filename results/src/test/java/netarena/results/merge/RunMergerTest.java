package netarena.results.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netarena.load.LoadResult;
import netarena.load.ResultFiles;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMergerTest {

    @TempDir
    Path tmp;

    private final RunMerger merger = new RunMerger(RunMerger.DEFAULT_START_TOLERANCE);

    private MergedRun merge(AgentFixture... agents) throws IOException {
        List<AgentFolder> folders = new ArrayList<>();
        for (AgentFixture a : agents) {
            folders.add(AgentFolder.read(a.write(tmp)));
        }
        return merger.merge(folders);
    }

    private static AgentFixture fast(int index, int count) {
        long[] ramp = new long[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i + 1;
        }
        return new AgentFixture(index, count, List.of(AgentFixture.values(ramp), AgentFixture.repeated(500, 1000)));
    }

    private static AgentFixture slow(int index, int count) {
        return new AgentFixture(index, count, List.of(AgentFixture.repeated(5_000, 1000), AgentFixture.repeated(9_000, 20)));
    }

    @Test
    void mergedPercentilesAreThoseOfTheHistogramsAddedByHandNotAveraged() throws IOException {
        AgentFixture a = fast(0, 2);
        AgentFixture b = slow(1, 2);
        MergedRun run = merge(a, b);

        Histogram byHand = new Histogram(1, 3_600_000_000L, 3);
        byHand.add(a.total());
        byHand.add(b.total());
        double p99 = run.result().path("latency_micros").path("p99").asDouble();
        assertEquals(byHand.getValueAtPercentile(99), p99);
        assertEquals(byHand.getValueAtPercentile(50), run.result().path("latency_micros").path("p50").asDouble());
        assertEquals(byHand.getTotalCount(), run.result().path("latency_micros").path("count").asLong());
        double averaged = (a.total().getValueAtPercentile(99) + b.total().getValueAtPercentile(99)) / 2.0;
        assertNotEquals(averaged, p99, "the fixture must tell adding from averaging");
    }

    @Test
    void countsAreTheSumOfTheAgents() throws IOException {
        AgentFixture a = fast(0, 2);
        AgentFixture b = slow(1, 2);
        MergedRun run = merge(a, b);

        assertEquals(a.sent + b.sent, run.result().path("requests").path("sent").asLong());
        assertEquals(a.total().getTotalCount() + b.total().getTotalCount(), run.result().path("requests").path("ok").asLong());
        assertEquals(6, run.result().path("errors").path("timeout").asLong());
        assertEquals(14, run.result().path("warmup_requests").path("sent").asLong());
        assertEquals(3, run.result().path("http_status_counts").path("503").asLong());
        assertEquals(4, run.result().path("config").path("connections").asInt());
        assertEquals(2000, run.result().path("config").path("rate_per_second").asLong());
        assertEquals(1981.0, run.result().path("throughput").path("sent_per_second").asDouble());
        assertEquals(1.0, run.result().path("generator").path("cpu_seconds").asDouble());
        assertEquals(2, run.result().path("agents").size());
        assertEquals(0, run.exitCode(), run.problems().toString());
        assertTrue(run.result().path("valid").asBoolean());
    }

    @Test
    void intervalsAreAddedOnTheCommonTimeBase() throws IOException {
        AgentFixture a = fast(0, 2);
        AgentFixture b = slow(1, 2);
        b.lateMicros = 3_000; // within the tolerance: same slots, a little later
        MergedRun run = merge(a, b);

        assertEquals(2, run.intervals().size());
        assertEquals(2000, run.intervals().get(0).histogram().getTotalCount());
        assertEquals(1020, run.intervals().get(1).histogram().getTotalCount());
        assertEquals(a.startAtMicros / 1000, run.intervals().get(0).startEpochMillis());
        assertEquals(3_000, run.startSkewMicros());
    }

    @Test
    void aLateAgentMakesTheMergedResultInvalid() throws IOException {
        AgentFixture a = fast(0, 2);
        AgentFixture b = slow(1, 2);
        b.lateMicros = 7_000;
        MergedRun run = merge(a, b);

        assertEquals(LoadResult.EXIT_INVALID, run.exitCode());
        assertFalse(run.result().path("valid").asBoolean());
        assertTrue(run.problems().stream().anyMatch(p -> p.startsWith("agent 1 started 7.000 ms after")), run.problems()::toString);
    }

    @Test
    void aMissingAgentIsNamed() throws IOException {
        MergedRun run = merge(fast(0, 3), slow(2, 3));

        assertEquals(LoadResult.EXIT_INVALID, run.exitCode());
        assertTrue(run.problems().contains("agent 1 of 3 is missing: its share of the schedule is not in the result"),
                run.problems()::toString);
    }

    @Test
    void anInvalidOrFailedAgentMakesTheMergedResultSaySo() throws IOException {
        AgentFixture a = fast(0, 2);
        a.exitCode = 2;
        a.invalidReason = "send lag: p99 12 ms";
        Path broken = tmp.resolve("agent-broken");
        java.nio.file.Files.createDirectories(broken);
        MergedRun run = merger.merge(List.of(AgentFolder.read(a.write(tmp)), AgentFolder.read(broken)));

        assertEquals(LoadResult.EXIT_INVALID, run.exitCode());
        assertTrue(run.problems().contains("agent 0 invalid: send lag: p99 12 ms"), run.problems()::toString);
        assertTrue(run.problems().stream().anyMatch(p -> p.contains("no readable result.json")), run.problems()::toString);
        assertEquals(a.sent, run.result().path("requests").path("sent").asLong());
    }

    @Test
    void writtenFilesReadBackAsOneRun() throws IOException {
        MergedRun run = merge(fast(0, 2), slow(1, 2));
        Path out = tmp.resolve("merged");
        MergedFiles.write(run, out);

        List<TimedInterval> back = AgentFolder.readHlog(out.resolve(ResultFiles.LATENCY_HLOG));
        assertEquals(run.totals().get("latency_micros"), IntervalMerge.total(back));
        assertTrue(java.nio.file.Files.readString(out.resolve(MergedFiles.TABLE)).contains("start skew"));
        assertEquals(run.totals().get("latency_micros"), ResultFiles.readLatencyLog(out.resolve(ResultFiles.LATENCY_HLOG)),
                "the merged hlog reads back through the generator's own reader");
    }

    @Test
    void mergedHlogsIntervalMaxIsInMilliseconds() throws IOException {
        MergedRun run = merge(fast(0, 2), slow(1, 2));
        Path out = tmp.resolve("merged");
        MergedFiles.write(run, out);

        List<String> lines = java.nio.file.Files.readAllLines(out.resolve(ResultFiles.LATENCY_HLOG)).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("\"") && !l.isBlank()).toList();
        assertEquals(run.intervals().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            double intervalMax = Double.parseDouble(lines.get(i).split(",")[2]);
            double maxMillis = ResultFiles.toHlogValues(run.intervals().get(i).histogram(),
                    ResultFiles.newHlogHistogram()).getMaxValue() / ResultFiles.HLOG_MAX_VALUE_UNIT_RATIO;
            assertEquals(maxMillis, intervalMax, 0.001, "interval " + i + ": " + lines.get(i));
        }
    }

    @Test
    void refusesANegativeTolerance() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RunMerger(Duration.ofMillis(-1)));
    }
}
