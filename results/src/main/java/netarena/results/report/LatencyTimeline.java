package netarena.results.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netarena.load.ResultFiles;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One repetition over time: a point per interval of its {@code latency.hlog} (the load generator writes
 * one a second), read with HdrHistogram's {@link HistogramLogReader}. Only the encoded histograms are
 * read, never the log's {@code Interval_Max} column, whose unit the writer's ratio decides. An interval
 * shorter than half the longest (the end of the phase, cut mid-second) is left out.
 *
 * <p>The histograms' values are in {@link ResultFiles#HLOG_VALUE_UNIT}, as {@link ResultFiles} documents
 * the file.
 *
 * @param source which file the points came from, relative to the run folder
 */
record LatencyTimeline(String source, List<Second> points) {

    /**
     * One interval.
     *
     * @param endSeconds    the interval's end, in seconds since the first interval began
     * @param perSecond     latencies recorded in the interval (answered requests) per second of it
     * @param p99Micros     the interval's 99th percentile latency in microseconds; NaN when it recorded none
     */
    record Second(double endSeconds, double perSecond, double p99Micros) {
    }

    /** Reads the timeline of the repetition in {@code repDir}; empty (with a problem noted) when it cannot. */
    static Optional<LatencyTimeline> read(Path runDir, String repDir, List<String> problems) {
        Path file = runDir.resolve(repDir).resolve(LatencySpectrum.HLOG);
        String source = repDir + "/" + LatencySpectrum.HLOG;
        if (!Files.isRegularFile(file)) {
            problems.add("no " + LatencySpectrum.HLOG + " in " + repDir + ": no timeline");
            return Optional.empty();
        }
        try {
            List<AbstractHistogram> intervals = intervals(file);
            Histogram total = new Histogram(3);
            intervals.forEach(total::add);
            if (total.getTotalCount() == 0) {
                problems.add(source + " holds no interval with a latency");
                return Optional.empty();
            }
            long first = intervals.getFirst().getStartTimeStamp();
            long typical = intervals.stream().mapToLong(h -> h.getEndTimeStamp() - h.getStartTimeStamp()).max()
                    .orElse(0);
            List<Second> points = new ArrayList<>();
            for (AbstractHistogram h : intervals) {
                long millis = h.getEndTimeStamp() - h.getStartTimeStamp();
                if (millis <= 0 || millis * 2 < typical) {
                    // the measured phase rarely ends on a whole second: its last sliver (a few ms of
                    // draining answers) would read as a collapse of the rate
                    continue;
                }
                double p99 = h.getTotalCount() == 0 ? Double.NaN
                        : h.highestEquivalentValue(h.getValueAtPercentile(99));
                points.add(new Second((h.getEndTimeStamp() - first) / 1000.0, h.getTotalCount() * 1000.0 / millis,
                        p99));
            }
            return Optional.of(new LatencyTimeline(source, points));
        } catch (IOException | RuntimeException e) {
            problems.add("timeline of " + repDir + " could not be read: " + RunData.oneLine(e));
            return Optional.empty();
        }
    }

    private static List<AbstractHistogram> intervals(Path file) throws FileNotFoundException {
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        List<AbstractHistogram> intervals = new ArrayList<>();
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            if (interval instanceof AbstractHistogram h) {
                intervals.add(ResultFiles.fromHlogValues(h));
            }
        }
        return intervals;
    }

    double[] seconds() {
        return points.stream().mapToDouble(Second::endSeconds).toArray();
    }

    double[] perSecond() {
        return points.stream().mapToDouble(Second::perSecond).toArray();
    }

    /** The intervals that recorded a latency: x in seconds, y the p99 in µs. */
    double[][] p99() {
        List<Second> known = points.stream().filter(p -> Double.isFinite(p.p99Micros())).toList();
        return new double[][] {known.stream().mapToDouble(Second::endSeconds).toArray(),
            known.stream().mapToDouble(Second::p99Micros).toArray()};
    }
}
