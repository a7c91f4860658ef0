package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored runs of one build whose p50 moves from day to day by a known amount. */
class RunNoiseTest {

    private static final ComparisonConfig CONFIG = ComparisonConfig.defaults().withResamples(2_000);

    @TempDir
    Path root;

    private ComparableRun stored(String name, double p50Factor) throws Exception {
        return RunReader.read(SyntheticRuns.create(root.resolve(name), name)
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE.times(1, p50Factor, 1, 1, 1)).dir());
    }

    private static MetricComparison p50(RunComparison c) {
        return c.report().metrics().stream().filter(m -> m.metric().equals(Metric.P50.label())).findFirst()
                .orElseThrow();
    }

    @Test
    void aChangeWithinTheDayToDaySpreadIsNotARegressionOnceTheStoredRunsAreGiven() throws Exception {
        // p50 centres 400, 440, 360 on three days: ln-sd 0.1003, so the threshold is e^(2 * 0.1003) - 1 = 22.2%
        RunNoise noise = RunNoise.fromRuns(List.of(stored("d1", 1.0), stored("d2", 1.1), stored("d3", 0.9)));
        assertEquals(0.1003, noise.logSd().get(Metric.P50.label()), 0.002);
        assertEquals(0.222, noise.threshold(Metric.P50.label()), 0.005);
        assertEquals(0.0, noise.logSd().get(Metric.P99.label()), 0.001, "p99 did not move between the days");

        ComparableRun baseline = stored("base", 1.0);
        ComparableRun current = stored("cur", 1.15);
        RunComparison within = new RunComparator(CONFIG).compare(baseline, current);
        assertEquals(Verdict.REGRESSED, p50(within).verdict(), "a 15% change beyond the 5% option");
        assertTrue(within.thresholds().get(1).contains("from --threshold (no stored runs"), within.thresholds().toString());

        RunComparison acrossDays = new RunComparator(CONFIG).withNoise(noise).compare(baseline, current);
        assertEquals(Verdict.UNCHANGED, p50(acrossDays).verdict(), "within the day-to-day spread: " + p50(acrossDays).reason());
        assertTrue(acrossDays.thresholds().stream().anyMatch(t -> t.startsWith("p50 (us): \u00b122.2% from the spread "
                + "between 3 stored runs of the baseline build")), acrossDays.thresholds().toString());
        assertTrue(acrossDays.thresholds().stream().anyMatch(t -> t.startsWith("p99 (us): \u00b15% from --threshold")),
                acrossDays.thresholds().toString());
    }

    @Test
    void keptAsAFileAndReadBack() throws Exception {
        RunNoise noise = RunNoise.fromRuns(List.of(stored("d1", 1.0), stored("d2", 1.1)));
        noise.write(root.resolve("kept"));
        RunNoise back = RunNoise.read(root.resolve("kept").resolve(RunNoise.FILE));
        assertEquals(noise, back);
    }
}
