package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netarena.load.ResultFiles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencySpectrumTest {

    @TempDir
    Path run;

    private static Histogram histogram(long scale) {
        Histogram h = new Histogram(3);
        for (long v = 1; v <= 1000; v++) {
            h.recordValue(v * scale);
        }
        return h;
    }

    private static String hgrm(Histogram h, double scalingRatio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(out, true, StandardCharsets.UTF_8), scalingRatio);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes {@code h} as the generator writes its latency.hgrm, in {@code run/repetition}, and reads it back. */
    private LatencySpectrum writtenAndRead(String repetition, Histogram h) throws IOException {
        Path dir = Files.createDirectories(run.resolve(repetition));
        ResultFiles.writeHgrm(h, dir.resolve(ResultFiles.LATENCY_HGRM));
        return LatencySpectrum.read(run, repetition, new ArrayList<>()).orElseThrow();
    }

    private static double at(LatencySpectrum s, double fraction) {
        return s.points().stream().filter(p -> p.fraction() >= fraction).findFirst().orElseThrow().micros();
    }

    @Test
    void parsesHdrHistogramsOwnPercentileDistribution() {
        List<LatencySpectrum.Point> points = LatencySpectrum.parseHgrm(hgrm(histogram(1), 1.0));
        assertTrue(points.size() > 20);
        assertEquals(0.0, points.get(0).fraction());
        assertTrue(points.stream().allMatch(p -> p.fraction() < 1), "the 100% row has no place on a 1/(1-p) axis");
        assertEquals(1000, points.getLast().micros(), "the spectrum runs to the max");
        assertEquals(500, points.stream().filter(p -> p.fraction() >= 0.5).findFirst().orElseThrow().micros(), 1);
    }

    @Test
    void readsTheHgrmInTheMillisecondsTheGeneratorWritesAsMicroseconds() throws IOException {
        LatencySpectrum s = writtenAndRead("cells/c/rep-1", histogram(1));
        assertEquals(500, at(s, 0.5), 1);
        assertEquals(990, at(s, 0.99), 2);
        assertEquals("cells/c/rep-1/latency.hgrm", s.source());
    }

    @Test
    void theUnitComesFromResultFilesNotFromTheValues() throws IOException {
        LatencySpectrum s = writtenAndRead("r", histogram(1000));
        assertEquals(500_000, at(s, 0.5), 500);
    }

    @Test
    void addsUpTheIntervalsOfAnHlogInItsOwnUnitWhenThereIsNoHgrm() throws IOException {
        Path dir = Files.createDirectories(run.resolve("r"));
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")), true,
                StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(out);
            w.outputLogFormatVersion();
            w.outputLegend();
            Histogram low = new Histogram(3);
            Histogram high = new Histogram(3);
            for (int i = 0; i < 900; i++) {
                low.recordValue(100);
            }
            for (int i = 0; i < 100; i++) {
                high.recordValue(10_000);
            }
            w.outputIntervalHistogram(ResultFiles.toHlogValues(low, ResultFiles.newHlogHistogram()));
            w.outputIntervalHistogram(ResultFiles.toHlogValues(high, ResultFiles.newHlogHistogram()));
        }
        LatencySpectrum s = LatencySpectrum.read(run, "r", new ArrayList<>()).orElseThrow();
        assertEquals(100, at(s, 0.5), 1);
        assertEquals(10_000, at(s, 0.95), 10);
        assertEquals(0.999, s.points().getLast().fraction(), 1e-12);
        assertEquals("r/latency.hlog", s.source());
    }

    @Test
    void aMissingHistogramIsAProblemNotAnException() {
        List<String> problems = new ArrayList<>();
        assertTrue(LatencySpectrum.read(run, "cells/x/rep-1", problems).isEmpty());
        assertEquals(List.of("no latency.hgrm or latency.hlog in cells/x/rep-1"), problems);
    }
}
