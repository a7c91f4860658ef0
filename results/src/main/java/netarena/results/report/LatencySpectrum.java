package netarena.results.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netarena.load.ResultFiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency percentile spectrum of one repetition: (percentile, latency) points as HdrHistogram
 * prints them, read from {@link ResultFiles#LATENCY_HGRM} ({@code outputPercentileDistribution} text) or,
 * when that is missing, from {@link ResultFiles#LATENCY_HLOG} (all intervals added up). Each file's unit
 * is the one {@link ResultFiles} documents for it: milliseconds in the .hgrm, microseconds in the .hlog.
 *
 * @param source which file the points came from, relative to the run folder
 */
record LatencySpectrum(String source, List<Point> points) {

    /** @param fraction the percentile as a fraction, 0 to 1 exclusive; {@code micros} the latency at it */
    record Point(double fraction, double micros) {
    }

    static final String HGRM = ResultFiles.LATENCY_HGRM;
    static final String HLOG = ResultFiles.LATENCY_HLOG;

    /** Reads the spectrum of the repetition in {@code repDir}; empty (with a problem noted) when it cannot. */
    static Optional<LatencySpectrum> read(Path runDir, String repDir, List<String> problems) {
        Path dir = runDir.resolve(repDir);
        try {
            List<Point> raw;
            String source;
            if (Files.isRegularFile(dir.resolve(HGRM))) {
                source = repDir + "/" + HGRM;
                raw = parseHgrm(Files.readString(dir.resolve(HGRM), StandardCharsets.UTF_8)).stream()
                        .map(p -> new Point(p.fraction(), p.micros() * ResultFiles.HGRM_MICROS_PER_VALUE)).toList();
            } else if (Files.isRegularFile(dir.resolve(HLOG))) {
                source = repDir + "/" + HLOG;
                raw = readHlog(dir.resolve(HLOG));
            } else {
                problems.add("no " + HGRM + " or " + HLOG + " in " + repDir);
                return Optional.empty();
            }
            if (raw.isEmpty()) {
                problems.add(source + " holds no percentiles");
                return Optional.empty();
            }
            return Optional.of(new LatencySpectrum(source, raw));
        } catch (IOException | RuntimeException e) {
            problems.add("latency of " + repDir + " could not be read: " + RunData.oneLine(e));
            return Optional.empty();
        }
    }

    /**
     * Parses HdrHistogram's percentile distribution text, values as written (in a load run's file,
     * {@link ResultFiles#HGRM_VALUE_UNIT}): rows of value, percentile (a fraction),
     * total count and 1/(1-percentile); header and {@code #[...]} footer lines are skipped. The row at
     * percentile 1.0 (the max) has no place on a 1/(1-p) axis; it is put where the samples run out,
     * at 1 - 1/count.
     */
    static List<Point> parseHgrm(String text) {
        List<Point> points = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length < 3 || line.strip().startsWith("#")) {
                continue;
            }
            try {
                double value = Double.parseDouble(cols[0]);
                double fraction = Double.parseDouble(cols[1]);
                long count = Long.parseLong(cols[2]);
                add(points, fraction, value, count);
            } catch (NumberFormatException header) {
                // the column titles, e.g. "Value Percentile TotalCount 1/(1-Percentile)"
            }
        }
        return points;
    }

    private static List<Point> readHlog(Path file) throws IOException {
        Histogram total = ResultFiles.readLatencyLog(file);
        List<Point> points = new ArrayList<>();
        if (total.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue v : total.percentiles(5)) {
            add(points, v.getPercentileLevelIteratedTo() / 100.0, total.highestEquivalentValue(v.getValueIteratedTo()),
                    total.getTotalCount());
        }
        return points;
    }

    /** Adds a point, moving percentile 1.0 to 1 - 1/count and dropping points that would not move right. */
    private static void add(List<Point> points, double fraction, double value, long count) {
        if (fraction >= 1) {
            fraction = count > 1 ? 1 - 1.0 / count : 0;
        }
        if (fraction < 0 || !points.isEmpty() && fraction <= points.getLast().fraction() && fraction != 0) {
            return;
        }
        points.add(new Point(fraction, value));
    }
}
