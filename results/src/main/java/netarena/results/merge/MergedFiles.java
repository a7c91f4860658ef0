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
import netarena.load.ResultFiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a merged run the way one agent's run is written, so that every reader of a run folder reads it:
 * {@code result.json} (the agent's fields, added, plus {@code merge} and {@code agents}), {@code latency.hlog}
 * (the merged intervals on the common time base), {@code latency.hgrm}, in the names and units
 * of load-generator's {@link ResultFiles} (hlog nanoseconds with its Interval_Max in milliseconds, hgrm
 * milliseconds) and {@code table.txt} ({@link MergedTable}).
 */
public final class MergedFiles {

    public static final String TABLE = "table.txt";

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
            JSON.writeValue(dir.resolve(ResultFiles.RESULT_JSON).toFile(), run.result());
            writeHlog(run, dir.resolve(ResultFiles.LATENCY_HLOG));
            ResultFiles.writeHgrm(run.totals().get("latency_micros"), dir.resolve(ResultFiles.LATENCY_HGRM));
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
                    + "send time, " + ResultFiles.HLOG_VALUE_UNIT + ", agents' intervals added on a common time base");
            writer.outputLogFormatVersion();
            writer.outputStartTime(base);
            writer.setBaseTime(base);
            writer.outputBaseTime(base);
            writer.outputLegend();
            Histogram values = ResultFiles.newHlogHistogram();
            for (TimedInterval in : run.intervals()) {
                writer.outputIntervalHistogram((in.startEpochMillis() - base) / 1000.0,
                        (in.endEpochMillis() - base) / 1000.0, ResultFiles.toHlogValues(in.histogram(), values),
                        ResultFiles.HLOG_MAX_VALUE_UNIT_RATIO);
            }
        } finally {
            writer.close();
        }
    }
}
