package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.ServerCost;
import org.junit.jupiter.api.Test;

/** What the headlines name: the ranking by loop kind, the generator-bound status, the settings tried. */
class HeadlineTest {

    private static CellSummary cell(String model, int io, double rate, double tput, double p50, double p99,
            CellStatus status) {
        CellKey k = new CellKey(model, io, 0, 32, "echo", 64, 0, rate, "frame");
        return CellSummary.of(k, List.of(new Repetition(k, 1, 1, status, status == CellStatus.OK ? "" : "why", tput,
                p50, p50, p99, p99, p99, 1_000, 0, ServerCost.unknown(), RunFolder.repetitionPath(k, 1))));
    }

    @Test
    void openLoopCellsAreRankedByLatencyAtTheRateNotByThroughput() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 1, 3_000, 3_003, 90, 400, CellStatus.OK),
                cell("async", 1, 3_000, 3_000, 60, 300, CellStatus.OK),
                cell("virtual", 1, 3_000, 3_001, 50, 300, CellStatus.OK)));
        CellSummary w = v.winner().orElseThrow();
        assertEquals("virtual", w.key().model(), "lowest p99, then lowest p50; not the highest throughput");
        String line = MarkdownSummary.headline(v, w);
        assertTrue(line.startsWith("Lowest latency at 3,000 req/s: **virtual**"), line);
        assertFalse(line.contains("Best:"), line);
    }

    @Test
    void aGeneratorBoundWinnerIsNamedAsSuch() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("netty-epoll", 1, 0, 68_000, 200, 900, CellStatus.GENERATOR_BOUND),
                cell("selector", 1, 0, 40_000, 300, 1_200, CellStatus.OK)));
        CellSummary w = v.winner().orElseThrow();
        assertEquals("netty-epoll", w.key().model(), "its figures are measured and count");
        String line = MarkdownSummary.headline(v, w);
        assertTrue(line.contains("**GENERATOR_BOUND**"), line);
        assertTrue(line.contains("the generator's ceiling"), line);
        assertTrue(line.contains("from the actual send, not corrected"), line);
    }

    @Test
    void generatorBoundRepetitionsCountInTheFiguresAndMarkTheCell() {
        CellKey k = new CellKey("selector", 1, 0, 16, "echo", 64, 0, 0, "frame");
        CellSummary s = CellSummary.of(k, List.of(
                new Repetition(k, 1, 1, CellStatus.OK, "", 1_000, 1, 1, 1, 1, 1, 1, 0, ServerCost.unknown(), "a"),
                new Repetition(k, 2, 2, CellStatus.GENERATOR_BOUND, "the generator used 95% of its cores", 3_000, 1,
                        1, 1, 1, 1, 1, 0, ServerCost.unknown(), "b")));
        assertEquals(CellStatus.GENERATOR_BOUND, s.status());
        assertEquals(2, s.okRepetitions());
        assertEquals(2_000, s.throughputPerSec().median(), 1e-9);
        assertTrue(s.reasons().contains("rep 2 GENERATOR_BOUND: the generator used 95%"), s.reasons());
        assertEquals(CellStatus.INVALID, CellSummary.worse(CellStatus.GENERATOR_BOUND, CellStatus.INVALID));
    }

    @Test
    void theBestSettingSaysHowManySettingsEachModelHadAndShowsEveryOne() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 1, 0, 500, 1, 1, CellStatus.OK),
                cell("selector", 2, 0, 900, 1, 1, CellStatus.OK),
                cell("selector", 4, 0, 800, 1, 1, CellStatus.INVALID),
                cell("async", 2, 0, 700, 1, 1, CellStatus.OK)));
        String line = MarkdownSummary.headline(v, v.winner().orElseThrow());
        assertTrue(line.contains("**selector** (io=2 w=0 fixed, best of 3 settings)"), line);
        String settings = MarkdownSummary.settings(v);
        assertTrue(settings.contains("- selector (3): io=1 w=0 fixed 500, io=2 w=0 fixed 900, io=4 w=0 fixed not measured"), settings);
        assertTrue(settings.contains("- async (1): io=2 w=0 fixed 700"), settings);
    }
}
