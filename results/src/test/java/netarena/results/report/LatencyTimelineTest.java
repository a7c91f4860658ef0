package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netarena.load.ResultFiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyTimelineTest {

    @TempDir
    Path run;

    /** Writes intervals of {@code counts[i]} values of {@code micros[i]} µs each, {@code millis[i]} long. */
    private void hlog(long[] counts, long[] micros, long[] millis) throws IOException {
        Path dir = Files.createDirectories(run.resolve("rep-1"));
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve(LatencySpectrum.HLOG)), true,
                "UTF-8")) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            long start = 1_700_000_000_000L;
            writer.outputLogFormatVersion();
            writer.outputStartTime(start);
            writer.setBaseTime(start);
            writer.outputBaseTime(start);
            writer.outputLegend();
            long t = start;
            for (int i = 0; i < counts.length; i++) {
                Histogram h = ResultFiles.newHlogHistogram(); // in the hlog's unit, as the generator writes it
                h.recordValueWithCount(micros[i] * ResultFiles.HLOG_VALUES_PER_MICRO, counts[i]);
                h.setStartTimeStamp(t);
                h.setEndTimeStamp(t + millis[i]);
                writer.outputIntervalHistogram(h);
                t += millis[i];
            }
        }
    }

    @Test
    void givesEachSecondsRateAndP99AndLeavesOutTheCutLastSliver() throws IOException {
        hlog(new long[] {1_000, 4_000, 500, 3}, new long[] {200, 200, 5_000, 200}, new long[] {1_000, 2_000, 1_000, 20});
        List<String> problems = new ArrayList<>();
        LatencyTimeline t = LatencyTimeline.read(run, "rep-1", problems).orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals(3, t.points().size(), "the 20 ms sliver is not a second");
        assertEquals(1_000, t.perSecond()[0], 1e-9);
        assertEquals(2_000, t.perSecond()[1], 1e-9, "4,000 in a 2 s interval");
        assertEquals(500, t.perSecond()[2], 1e-9);
        assertEquals(1.0, t.seconds()[0], 1e-9);
        assertEquals(4.0, t.seconds()[2], 1e-9);
        assertEquals(5_000, t.p99()[1][2], 5_000 * 0.001, "the slow second's p99, in µs");
    }

    @Test
    void notesAMissingLog() {
        List<String> problems = new ArrayList<>();
        assertTrue(LatencyTimeline.read(run, "rep-9", problems).isEmpty());
        assertTrue(problems.getFirst().contains("no latency.hlog in rep-9"), problems.toString());
    }
}
