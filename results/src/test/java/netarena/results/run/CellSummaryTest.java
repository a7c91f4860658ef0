package netarena.results.run;

import static netarena.results.run.Fixtures.cost;
import static netarena.results.run.Fixtures.key;
import static netarena.results.run.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellSummaryTest {

    private final CellKey cell = key("selector", 64);

    @Test
    void allOkGivesMedianMinMaxOfEveryFigure() {
        CellSummary s = CellSummary.of(cell, List.of(
                rep(cell, 1, CellStatus.OK, "", 1000, cost(20)),
                rep(cell, 2, CellStatus.OK, "", 1200, cost(10)),
                rep(cell, 3, CellStatus.OK, "", 1100, cost(30))));
        assertEquals(CellStatus.OK, s.status());
        assertEquals("", s.reasons());
        assertEquals(3, s.repetitions());
        assertEquals(3, s.okRepetitions());
        assertEquals(new Spread(1100, 1000, 1200), s.throughputPerSec());
        assertEquals(new Spread(52, 51, 53), s.p50Micros());
        assertEquals(new Spread(122, 121, 123), s.p99Micros());
        assertEquals(new Spread(302, 301, 303), s.p999Micros());
        assertEquals(new Spread(20, 10, 30), s.cpuMicrosPerRequest());
        assertEquals(new Spread(81_920, 81_920, 81_920), s.peakRssKb());
        assertEquals(new Spread(12, 12, 12), s.threads());
    }

    @Test
    void oneInvalidRepetitionMarksTheCellAndIsLeftOutOfTheFigures() {
        CellSummary s = CellSummary.of(cell, List.of(
                rep(cell, 1, CellStatus.OK, "", 1000, cost(20)),
                rep(cell, 2, CellStatus.INVALID, "generator fell 12% behind schedule", 400, cost(90)),
                rep(cell, 3, CellStatus.OK, "", 1100, cost(30))));
        assertEquals(CellStatus.INVALID, s.status());
        assertEquals("rep 2 INVALID: generator fell 12% behind schedule", s.reasons());
        assertEquals(2, s.okRepetitions());
        assertEquals(new Spread(1050, 1000, 1100), s.throughputPerSec());
        assertEquals(new Spread(25, 20, 30), s.cpuMicrosPerRequest());
    }

    @Test
    void failedIsWorseThanInvalidAndEveryReasonIsKept() {
        CellSummary s = CellSummary.of(cell, List.of(
                rep(cell, 2, CellStatus.FAILED, "server did not start", Double.NaN, ServerCost.unknown()),
                rep(cell, 1, CellStatus.INVALID, "", 10, cost(20))));
        assertEquals(CellStatus.FAILED, s.status());
        assertEquals("rep 1 INVALID: no reason given; rep 2 FAILED: server did not start", s.reasons());
        assertEquals(0, s.okRepetitions());
        assertFalse(s.throughputPerSec().known());
    }

    @Test
    void repetitionsNotOkForTheSameReasonShareOneEntry() {
        CellSummary s = CellSummary.of(cell, List.of(
                rep(cell, 3, CellStatus.FAILED, "server did not start", Double.NaN, ServerCost.unknown()),
                rep(cell, 1, CellStatus.FAILED, "server did not start", Double.NaN, ServerCost.unknown()),
                rep(cell, 2, CellStatus.INVALID, "hiccup", 10, cost(20))));
        assertEquals("reps 1, 3 FAILED: server did not start; rep 2 INVALID: hiccup", s.reasons());
    }

    @Test
    void unknownCostsStayUnknownWhileThroughputIsKnown() {
        CellSummary s = CellSummary.of(cell, List.of(
                rep(cell, 1, CellStatus.OK, "", 1000, ServerCost.unknown()),
                rep(cell, 2, CellStatus.OK, "", 3000, null)));
        assertEquals(new Spread(2000, 1000, 3000), s.throughputPerSec());
        assertEquals(Spread.UNKNOWN, s.cpuMicrosPerRequest());
        assertEquals(Spread.UNKNOWN, s.peakRssKb());
        assertEquals(Spread.UNKNOWN, s.threads());
    }

    @Test
    void summarizeGroupsByCellInKeyOrder() {
        CellKey a = key("async", 256);
        CellKey b = key("async", 16);
        List<CellSummary> all = CellSummary.summarize(List.of(
                rep(cell, 1, CellStatus.OK, "", 1, cost(1)),
                rep(a, 1, CellStatus.OK, "", 2, cost(1)),
                rep(b, 1, CellStatus.OK, "", 3, cost(1)),
                rep(a, 2, CellStatus.OK, "", 4, cost(1))));
        assertEquals(List.of(b, a, cell), all.stream().map(CellSummary::key).toList());
        assertEquals(2, all.get(1).repetitions());
    }
}
