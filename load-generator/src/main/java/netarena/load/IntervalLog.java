package netarena.load;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: one interval histogram of latency from the intended send time per second of the
 * measured phase, in HdrHistogram's log format (readable with {@code HistogramLogReader} and
 * {@code HistogramLogProcessor}); values in microseconds, interval times in seconds since the start of
 * the measured phase. Written by the controller thread.
 */
final class IntervalLog implements AutoCloseable {

    static final String FILE_NAME = "latency.hlog";

    private final HistogramLogWriter writer;
    private boolean started;

    IntervalLog(Path dir) {
        try {
            writer = new HistogramLogWriter(dir.resolve(FILE_NAME).toFile());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
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

    /** Appends one interval; its time stamps are set from the arguments. */
    void append(Histogram interval, long startEpochMillis, long endEpochMillis) {
        interval.setStartTimeStamp(startEpochMillis);
        interval.setEndTimeStamp(endEpochMillis);
        writer.outputIntervalHistogram(interval);
    }

    @Override
    public void close() {
        if (!started) {
            begin(Instant.now().toEpochMilli(), "no measured phase");
        }
        writer.close();
    }
}
