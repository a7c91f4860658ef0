package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.stats.ComparisonConfig;
import netarena.results.stats.ComparisonOutcome;
import netarena.results.stats.MetricComparison;
import netarena.results.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparatorTest {

    private static final RunComparator COMPARATOR = new RunComparator(ComparisonConfig.defaults().withResamples(2_000));

    @TempDir
    Path root;

    private RunComparison compare(SyntheticRuns baseline, SyntheticRuns current) {
        return compare(COMPARATOR, baseline, current);
    }

    private static RunComparison compare(RunComparator comparator, SyntheticRuns baseline, SyntheticRuns current) {
        return comparator.compare(RunReader.read(baseline.dir()), RunReader.read(current.dir()));
    }

    /** One cell, {@code reps} OK repetitions a side: the baseline around BASE, the current around {@code current}. */
    private RunComparison compareOneCell(RunComparator comparator, CellKey cell, int reps,
            SyntheticRuns.Figures current) throws IOException {
        return compare(comparator, SyntheticRuns.create(root, "base").ok(cell, reps, SyntheticRuns.BASE),
                SyntheticRuns.create(root, "cur").ok(cell, reps, current));
    }

    private static Verdict verdict(RunComparison c, String cell, Metric metric) {
        return c.report().metrics().stream()
                .filter(m -> m.cell().equals(cell) && m.metric().equals(metric.label()))
                .map(MetricComparison::verdict).findFirst().orElseThrow(() -> new AssertionError(cell + " " + metric));
    }

    @Test
    void judgesEachMetricByItsOwnDirection() throws Exception {
        SyntheticRuns base = SyntheticRuns.create(root, "base")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                // selector: p99 up 30% (worse), CPU down 25% (better), the rest the same
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE.times(1, 1, 1.3, 1, 0.75))
                // async: throughput down 20% (worse, higher is better), p50 down 20% (better)
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE.times(0.8, 0.8, 1, 1, 1));
        RunComparison c = compare(base, cur);
        String selector = SyntheticRuns.SELECTOR.id();
        String async = SyntheticRuns.ASYNC.id();
        assertEquals(Verdict.REGRESSED, verdict(c, selector, Metric.P99));
        assertEquals(Verdict.IMPROVED, verdict(c, selector, Metric.CPU_PER_REQUEST));
        assertEquals(Verdict.UNCHANGED, verdict(c, selector, Metric.THROUGHPUT));
        assertEquals(Verdict.UNCHANGED, verdict(c, selector, Metric.P50));
        assertEquals(Verdict.REGRESSED, verdict(c, async, Metric.THROUGHPUT));
        assertEquals(Verdict.IMPROVED, verdict(c, async, Metric.P50));
        assertEquals(10, c.report().metrics().size());
        assertEquals(ComparisonOutcome.REGRESSED, c.outcome());
        assertEquals(RunComparison.EXIT_REGRESSION, c.exitCode());
        List<MetricComparison> sorted = c.byEffect();
        assertEquals(Verdict.REGRESSED, sorted.get(0).verdict());
        assertEquals(Metric.P99.label(), sorted.get(0).metric(), "the larger regression (+30%) comes first");
        assertEquals(Verdict.UNCHANGED, sorted.get(sorted.size() - 1).verdict());
        assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    }

    @Test
    void noRegressionExitsZero() throws Exception {
        RunComparison c = compareOneCell(COMPARATOR, SyntheticRuns.SELECTOR, 8,
                SyntheticRuns.BASE.times(1.01, 1, 0.99, 1, 0.7));
        assertEquals(ComparisonOutcome.NO_REGRESSION, c.outcome());
        assertEquals(RunComparison.EXIT_NO_REGRESSION, c.exitCode());
    }

    @Test
    void tooFewRepetitionsAreUndecidedAndSaidUpFront() throws Exception {
        RunComparison c = compareOneCell(COMPARATOR, SyntheticRuns.SELECTOR, 3,
                SyntheticRuns.BASE.times(0.5, 2, 2, 2, 2));
        assertEquals(ComparisonOutcome.UNDECIDED, c.outcome());
        assertEquals(RunComparison.EXIT_UNDECIDED, c.exitCode());
        assertEquals(3, c.fewestValues());
        assertEquals(5, c.neededPerSide(), "5 metrics under Holm need 5 per side");
        assertTrue(c.warnings().get(0).contains("needs at least 5"), c.warnings().toString());
    }

    @Test
    void oneValuePerSideIsToldWhatEveryMetricTogetherNeeds() throws Exception {
        // two --quick sweeps: one repetition per cell; the advice counts all 10 metrics, not the 0 testable now
        SyntheticRuns base = SyntheticRuns.create(root, "base")
                .ok(SyntheticRuns.SELECTOR, 1, SyntheticRuns.BASE).ok(SyntheticRuns.ASYNC, 1, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                .ok(SyntheticRuns.SELECTOR, 1, SyntheticRuns.BASE).ok(SyntheticRuns.ASYNC, 1, SyntheticRuns.BASE);
        RunComparison c = compare(base, cur);
        assertEquals(ComparisonOutcome.UNDECIDED, c.outcome());
        assertEquals(6, c.neededPerSide(), "10 metrics under Holm need 6 per side (2/C(12,6) < 0.05/10)");
        assertTrue(c.warnings().get(0).contains("among 10 metrics"), c.warnings().toString());
        assertTrue(c.warnings().get(0).contains("needs at least 6"), c.warnings().toString());
    }

    @Test
    void fewerThanEightRepetitionsGetAMilderWarning() throws Exception {
        RunComparison c = compareOneCell(COMPARATOR, SyntheticRuns.SELECTOR, 6, SyntheticRuns.BASE);
        assertTrue(c.warnings().get(0).startsWith("only 6 repetitions per side"), c.warnings().toString());
        assertEquals(ComparisonOutcome.NO_REGRESSION, c.outcome());
    }

    @Test
    void aCellWithOneInvalidRepetitionIsComparedOnItsOkOnesAndTheDroppedOneListed() throws Exception {
        // known answer: p99 up 30% in the current run, whose rep 3 the generator could not measure
        SyntheticRuns base = SyntheticRuns.create(root, "base").ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE.times(1, 1, 1.3, 1, 1))
                .notOk(SyntheticRuns.SELECTOR, 9, CellStatus.INVALID, "generator fell behind");
        RunComparison c = compare(base, cur);
        assertTrue(c.excluded().isEmpty(), c.excluded().toString());
        assertEquals(List.of(new Dropped(SyntheticRuns.SELECTOR.id(), "current", 8,
                "rep 9 INVALID: generator fell behind")), c.dropped());
        MetricComparison p99 = c.report().metrics().stream().filter(m -> m.metric().equals(Metric.P99.label()))
                .findFirst().orElseThrow();
        assertEquals(Verdict.REGRESSED, p99.verdict(), p99.reason());
        assertEquals(8, p99.currentCount());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("compared on their OK repetitions")),
                c.warnings().toString());
    }

    @Test
    void pairedRunsAreJudgedOnTheirPairsWithAKnownShift() throws Exception {
        RunComparison c = compareOneCell(COMPARATOR.paired(), SyntheticRuns.SELECTOR, 8,
                SyntheticRuns.BASE.times(1, 1, 1, 1, 1.5));
        MetricComparison cpu = c.report().metrics().stream()
                .filter(m -> m.metric().equals(Metric.CPU_PER_REQUEST.label())).findFirst().orElseThrow();
        assertTrue(cpu.paired());
        assertEquals(Verdict.REGRESSED, cpu.verdict(), cpu.reason());
        assertEquals(1.5, cpu.ratio(), 1e-9, "every pair's ratio is exactly 1.5: the jitter is the same in a pair");
    }

    @Test
    void pairsTooFewAfterDroppedRepetitionsFallBackToTheOkRepetitionsUnpaired() throws Exception {
        // the gate's shape on a busy machine: the baseline kept rounds 1, 2, 3 and 9, the current 1-8; 3 complete
        // pairs cannot be significant over 5 metrics, 4 against 8 independent values can
        SyntheticRuns base = SyntheticRuns.create(root, "base").ok(SyntheticRuns.SELECTOR, 3, SyntheticRuns.BASE)
                .notOk(SyntheticRuns.SELECTOR, 4, CellStatus.INVALID, "generator hiccups")
                .notOk(SyntheticRuns.SELECTOR, 5, CellStatus.INVALID, "generator hiccups")
                .notOk(SyntheticRuns.SELECTOR, 6, CellStatus.INVALID, "generator hiccups")
                .notOk(SyntheticRuns.SELECTOR, 7, CellStatus.INVALID, "generator hiccups")
                .notOk(SyntheticRuns.SELECTOR, 8, CellStatus.INVALID, "generator hiccups");
        base.okRepetition(SyntheticRuns.SELECTOR, 9, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE.times(0.1, 10, 10, 10, 10));
        RunComparison c = compare(COMPARATOR.paired(), base, cur);
        assertTrue(c.report().metrics().stream().noneMatch(MetricComparison::paired));
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("5 metric(s) analysed unpaired")),
                c.warnings().toString());
        assertEquals(ComparisonOutcome.REGRESSED, c.outcome(), c.report().metrics().toString());
    }

    @Test
    void tooFewOkRepetitionsAfterDroppingTheInvalidOnesAreListedWithTheMinimum() throws Exception {
        SyntheticRuns base = SyntheticRuns.create(root, "base").ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur").ok(SyntheticRuns.SELECTOR, 1, SyntheticRuns.BASE)
                .notOk(SyntheticRuns.SELECTOR, 2, CellStatus.INVALID, "generator fell behind");
        RunComparison c = compare(base, cur);
        assertEquals(1, c.excluded().size());
        assertTrue(c.excluded().get(0).currentReason().startsWith("1 OK, at least 2 needed; rep 2 INVALID"),
                c.excluded().get(0).currentReason());
        assertTrue(c.report().metrics().isEmpty());
    }

    @Test
    void failedCellsAreListedNeverComparedAndInvalidRepetitionsDropped() throws Exception {
        SyntheticRuns base = SyntheticRuns.create(root, "base")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.OPEN, 7, SyntheticRuns.BASE).notOk(SyntheticRuns.OPEN, 8, CellStatus.INVALID,
                        "generator fell behind");
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 7, SyntheticRuns.BASE).notOk(SyntheticRuns.ASYNC, 8, CellStatus.FAILED,
                        "3 errors: timeout")
                .ok(SyntheticRuns.OPEN, 8, SyntheticRuns.BASE);
        RunComparison c = compare(base, cur);
        assertEquals(1, c.excluded().size());
        Exclusion async = c.excluded().stream().filter(e -> e.id().equals(SyntheticRuns.ASYNC.id())).findFirst()
                .orElseThrow();
        assertTrue(async.brokenByCurrent());
        assertTrue(async.currentReason().contains("3 errors: timeout"), async.currentReason());
        assertEquals(List.of(new Dropped(SyntheticRuns.OPEN.id(), "baseline", 7,
                "rep 8 INVALID: generator fell behind")), c.dropped(), "an invalid generator says nothing about the server");
        assertTrue(c.report().metrics().stream().noneMatch(m -> m.cell().equals(SyntheticRuns.ASYNC.id())),
                "a cell with a FAILED repetition is not compared");
        assertEquals(ComparisonOutcome.REGRESSED, c.outcome(), "a cell the current run broke is a regression");
        assertEquals(RunComparison.EXIT_REGRESSION, c.exitCode());
    }

    @Test
    void cellsOnOneSideAreListedAndNothingInCommonIsUndecided() throws Exception {
        SyntheticRuns base = SyntheticRuns.create(root, "base").ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur").ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE);
        RunComparison c = compare(base, cur);
        assertEquals(List.of(SyntheticRuns.SELECTOR.id()), c.onlyInBaseline());
        assertEquals(List.of(SyntheticRuns.ASYNC.id()), c.onlyInCurrent());
        assertEquals(RunComparison.EXIT_UNDECIDED, c.exitCode());
        assertTrue(c.warnings().contains("no cell is in both runs: nothing to compare"), c.warnings().toString());
    }

    @Test
    void openLoopCellsDoNotJudgeTheirFixedThroughput() throws Exception {
        RunComparison c = compareOneCell(COMPARATOR, SyntheticRuns.OPEN, 8, SyntheticRuns.BASE);
        assertEquals(List.of(Metric.P50.label(), Metric.P99.label(), Metric.P999.label(),
                Metric.CPU_PER_REQUEST.label()), c.report().metrics().stream().map(MetricComparison::metric).toList());
    }

    @Test
    void aFolderWithoutResultsIsInvalidInput() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReader.read(empty));
        assertTrue(e.getMessage().contains("nothing to compare"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunReader.read(root.resolve("missing")));
    }
}
