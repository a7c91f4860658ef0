package netarena.load;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes {@value ResultFiles#LATENCY_HLOG} in the units {@link ResultFiles} documents: one interval
 * histogram of latency from the intended send time per second of the measured phase. Written by the
 * controller thread.
 */
final class IntervalLog implements AutoCloseable {

    private final HistogramLogWriter writer;
    private final Histogram hlogValues = ResultFiles.newHlogHistogram();
    private boolean started;
    private boolean closed;

    private IntervalLog(HistogramLogWriter writer) {
        this.writer = writer;
    }

    /**
     * Opens {@value ResultFiles#LATENCY_HLOG} in {@code dir}, creating the directory.
     *
     * @throws UncheckedIOException when it cannot
     */
    static IntervalLog in(Path dir) {
        try {
            Files.createDirectories(dir);
            return new IntervalLog(new HistogramLogWriter(dir.resolve(ResultFiles.LATENCY_HLOG).toFile()));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the header: format version, start time, base time and column legend. */
    void begin(long startEpochMillis, String comment) {
        if (started) {
            return;
        }
        started = true;
        writer.outputComment(comment);
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputBaseTime(startEpochMillis);
        writer.outputLegend();
    }

    /** Appends one interval of microseconds, written in the hlog's unit; its time stamps are the arguments. */
    void append(Histogram micros, long startEpochMillis, long endEpochMillis) {
        Histogram interval = ResultFiles.toHlogValues(micros, hlogValues);
        interval.setStartTimeStamp(startEpochMillis);
        interval.setEndTimeStamp(endEpochMillis);
        writer.outputIntervalHistogram((startEpochMillis - writer.getBaseTime()) / 1000.0,
                (endEpochMillis - writer.getBaseTime()) / 1000.0, interval, ResultFiles.HLOG_MAX_VALUE_UNIT_RATIO);
    }

    /** Ends the file; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!started) {
            begin(Instant.now().toEpochMilli(), "no measured phase");
        }
        writer.close();
    }
}
