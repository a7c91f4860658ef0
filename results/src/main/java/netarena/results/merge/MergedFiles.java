package netarena.results.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a merged run the way one agent's run is written, so that every reader of a run folder reads it:
 * {@code result.json} (the agent's fields, added, plus {@code merge} and {@code agents}), {@code latency.hlog}
 * (the merged intervals on the common time base, microseconds), {@code latency.hgrm} (milliseconds, as the
 * generator writes it) and {@code table.txt} ({@link MergedTable}).
 */
public final class MergedFiles {

    public static final String TABLE = "table.txt";
    public static final String LATENCY_HGRM = "latency.hgrm";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MergedFiles() {
    }

    /** The folder of agent {@code index} under a merged run's folder {@code out}: {@code OUT/agent-I}. */
    public static Path agentDir(Path out, int index) {
        return out.resolve("agent-" + index);
    }

    /**
     * Reads the agents' folders, merges them and writes the merged run into {@code out}: what
     * {@code netarena merge}, {@code load --agents} and {@code cluster run} all do.
     */
    public static MergedRun merge(List<Path> agentDirs, Duration startTolerance, Path out) {
        MergedRun run = new RunMerger(startTolerance).merge(agentDirs.stream().map(AgentFolder::read).toList());
        write(run, out);
        return run;
    }

    public static void write(MergedRun run, Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(AgentFolder.RESULT_JSON).toFile(), run.result());
            writeHlog(run, dir.resolve(AgentFolder.LATENCY_HLOG));
            try (OutputStream out = Files.newOutputStream(dir.resolve(LATENCY_HGRM));
                    PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8)) {
                run.totals().get("latency_micros").outputPercentileDistribution(ps, 1000.0);
            }
            Files.writeString(dir.resolve(TABLE), MergedTable.format(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged run to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeHlog(MergedRun run, Path file) throws IOException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            long base = run.intervals().isEmpty() ? 0 : run.intervals().get(0).startEpochMillis();
            writer.outputComment("netarena merge of " + run.agents().size() + " agents: latency from the intended "
                    + "send time, microseconds, agents' intervals added on a common time base");
            writer.outputLogFormatVersion();
            writer.outputStartTime(base);
            writer.setBaseTime(base);
            writer.outputBaseTime(base);
            writer.outputLegend();
            for (TimedInterval in : run.intervals()) {
                in.histogram().setStartTimeStamp(in.startEpochMillis());
                in.histogram().setEndTimeStamp(in.endEpochMillis());
                writer.outputIntervalHistogram(in.histogram());
            }
        } finally {
            writer.close();
        }
    }
}
