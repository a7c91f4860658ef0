package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import netarena.results.run.CellStatus;
import netarena.results.stats.ComparisonConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    private static final ComparisonConfig FAST = ComparisonConfig.defaults().withResamples(1_000);

    @Test
    void measuresTheNoiseFloorAndWhatTheRepetitionsCanDetect(@TempDir Path root) throws Exception {
        SyntheticRuns a = SyntheticRuns.create(root, "a").ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 7, SyntheticRuns.BASE).notOk(SyntheticRuns.ASYNC, 8, CellStatus.INVALID, "lag");
        SyntheticRuns again = SyntheticRuns.create(root, "again").ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE);
        Calibration c = Calibration.of(RunReader.read(a.dir()), RunReader.read(again.dir()), FAST, 40);
        assertTrue(c.calibrated());
        assertEquals(7, c.repetitionsPerSide(), "the async cell is calibrated on its 7 OK repetitions");
        assertEquals(10, c.metricsInFamily(), "the five metrics of both cells");
        assertEquals(10, c.cells().size());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains(SyntheticRuns.ASYNC.id())
                && w.contains("calibrated on its OK repetitions (7 and 8)")), c.warnings().toString());
        Calibration.CellNoise p99 = c.cells().stream().filter(n -> n.cell().equals(SyntheticRuns.SELECTOR.id())
                && n.metric().equals(Metric.P99)).findFirst().orElseThrow();
        assertEquals(Metric.P99, p99.metric());
        double cv = p99.noise().coefficientOfVariation();
        assertTrue(cv > 0.003 && cv < 0.01, "the fixtures jitter within 1%: " + cv);
        assertTrue(p99.detectable().detectable());
        assertTrue(p99.detectable().relativeChange() > 0.05, "nothing below the threshold is flagged");
        Calibration.TypicalNoise typical = c.typical().get(0);
        assertEquals(Metric.THROUGHPUT, typical.metric());
        assertEquals(java.util.List.of(5, 7, 8, 10, 15, 20), java.util.List.copyOf(typical.byRepetitions().keySet()));
        assertTrue(typical.byRepetitions().get(8).detectable(), "8 per side can reach p < 0.05 over 10 metrics");
        assertTrue(typical.byRepetitions().get(20).relativeChange() <= typical.byRepetitions().get(5).relativeChange());
    }

    @Test
    void threeRepetitionsCanNeverDetectAndTheFilesSaySo(@TempDir Path root) throws Exception {
        SyntheticRuns a = SyntheticRuns.create(root, "a").ok(SyntheticRuns.SELECTOR, 3, SyntheticRuns.BASE);
        SyntheticRuns again = SyntheticRuns.create(root, "again").ok(SyntheticRuns.SELECTOR, 3, SyntheticRuns.BASE);
        Calibration c = Calibration.of(RunReader.read(a.dir()), RunReader.read(again.dir()), FAST, 40);
        assertFalse(c.cells().get(0).detectable().detectable());
        String md = CalibrationFiles.write(c, root.resolve("cal"));
        assertTrue(md.contains("| detectable, 3 reps (used) |"), md);
        assertTrue(md.contains("| never |"), md);
        JsonNode json = new ObjectMapper().readTree(root.resolve("cal").resolve(CalibrationFiles.JSON).toFile());
        assertEquals(3, json.get("repetitions_per_side").asInt());
        assertTrue(json.at("/metrics/0/detectable_change_by_repetitions/3").isNull());
        assertTrue(json.at("/metrics/0/detectable_change_by_repetitions/8").isNumber());
        assertEquals(5, json.get("cells").size());
    }
}
