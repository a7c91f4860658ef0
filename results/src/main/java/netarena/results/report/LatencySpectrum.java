package netarena.results.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * The latency percentile spectrum of one repetition: (percentile, latency) points as HdrHistogram
 * prints them, read from {@code latency.hgrm} ({@code outputPercentileDistribution} text) or, when
 * that is missing, from {@code latency.hlog} (all intervals added up).
 *
 * <p>Neither file says its unit. The load generator's histograms may count nanoseconds or
 * microseconds, so the values are scaled by the power of 1000 that brings the file's median closest
 * to the repetition's {@code p50Micros}; without that hint they are taken as microseconds.
 *
 * @param source which file the points came from, relative to the run folder
 */
record LatencySpectrum(String source, List<Point> points) {

    /** @param fraction the percentile as a fraction, 0 to 1 exclusive; {@code micros} the latency at it */
    record Point(double fraction, double micros) {
    }

    static final String HGRM = "latency.hgrm";
    static final String HLOG = "latency.hlog";

    /** Reads the spectrum of the repetition in {@code repDir}; empty (with a problem noted) when it cannot. */
    static Optional<LatencySpectrum> read(Path runDir, String repDir, double p50Micros, List<String> problems) {
        Path dir = runDir.resolve(repDir);
        try {
            List<Point> raw;
            String source;
            if (Files.isRegularFile(dir.resolve(HGRM))) {
                source = repDir + "/" + HGRM;
                raw = parseHgrm(Files.readString(dir.resolve(HGRM), StandardCharsets.UTF_8));
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
            return Optional.of(new LatencySpectrum(source, scale(raw, p50Micros)));
        } catch (IOException | RuntimeException e) {
            problems.add("latency of " + repDir + " could not be read: " + RunData.oneLine(e));
            return Optional.empty();
        }
    }

    /**
     * Parses HdrHistogram's percentile distribution text: rows of value, percentile (a fraction),
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

    private static List<Point> readHlog(Path file) throws FileNotFoundException {
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        Histogram total = new Histogram(3);
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            if (interval instanceof AbstractHistogram h) {
                total.add(h);
            }
        }
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

    private static List<Point> scale(List<Point> raw, double p50Micros) {
        double median = raw.stream().filter(p -> p.fraction() >= 0.5).findFirst().orElse(raw.getLast()).micros();
        double factor = 1;
        if (Double.isFinite(p50Micros) && p50Micros > 0 && median > 0) {
            double best = Double.MAX_VALUE;
            for (double f : new double[] {1e-6, 1e-3, 1, 1e3}) {
                double distance = Math.abs(Math.log10(p50Micros / (median * f)));
                if (distance < best) {
                    best = distance;
                    factor = f;
                }
            }
        }
        double k = factor;
        return raw.stream().map(p -> new Point(p.fraction(), p.micros() * k)).toList();
    }
}
