package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.CellSummary;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.ServerCost;
import org.junit.jupiter.api.Test;

class WorkloadViewTest {

    private static CellSummary cell(String model, int io, int connections, double tput, CellStatus status) {
        return cell(new CellKey(model, io, 0, connections, "echo", 64, 0, 0, "frame"), tput, status);
    }

    private static CellSummary cell(String model, int workers, String pool, double tput) {
        return cell(new CellKey(model, 1, workers, pool, 16, "block", 0, 1000, 0, "frame"), tput, CellStatus.OK);
    }

    private static CellSummary cell(CellKey k, double tput, CellStatus status) {
        return CellSummary.of(k, List.of(new Repetition(k, 1, 1, status, status == CellStatus.OK ? "" : "x", tput,
                1, 1, 1, 1, 1, 1, 0, ServerCost.unknown(), RunFolder.repetitionPath(k, 1))));
    }

    @Test
    void eachModelIsDrawnAtTheSettingWithTheHighestThroughput() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 1, 16, 500, CellStatus.OK),
                cell("selector", 2, 16, 900, CellStatus.OK),
                cell("selector", 4, 16, 5000, CellStatus.INVALID),
                cell("async", 4, 16, 700, CellStatus.OK)));
        assertEquals(new WorkloadView.Setting(2, 0, "fixed", false), v.best("selector"), "an INVALID cell cannot win");
        assertEquals(new WorkloadView.Setting(4, 0, "fixed", false), v.best("async"));
        assertEquals(List.of("selector", "async"), v.models(), "README order, not alphabetical");
    }

    @Test
    void focusIsTheLargestConnectionCountWhereMostModelsAreOk() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 2, 16, 1, CellStatus.OK),
                cell("selector", 2, 64, 1, CellStatus.OK),
                cell("selector", 2, 1024, 1, CellStatus.OK),
                cell("async", 2, 16, 1, CellStatus.OK),
                cell("async", 2, 64, 2, CellStatus.OK),
                cell("async", 2, 1024, 1, CellStatus.FAILED)));
        assertEquals(64, v.focusConnections());
        assertEquals("async", v.winner().orElseThrow().key().model(), "the highest throughput at the focus");
    }

    @Test
    void thePoolChartUsesTheConnectionCountWithTheMostPoolSizes() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 1, 256, 100, CellStatus.OK),
                cell("selector", 2, 256, 300, CellStatus.OK),
                cell("selector", 2, 16, 50, CellStatus.OK)));
        assertEquals(256, v.poolConnections(WorkloadView.Pool.IO_THREADS).orElseThrow());
        assertEquals(2, v.poolCells("selector", WorkloadView.Pool.IO_THREADS, 256).size());
        assertEquals(java.util.Optional.empty(), v.poolConnections(WorkloadView.Pool.WORKERS));
    }

    @Test
    void thePoolKindIsPartOfTheSettingAndThePoolChartHoldsIt() {
        WorkloadView v = new WorkloadView("w", List.of(
                cell("selector", 2, "fixed", 100),
                cell("selector", 4, "fixed", 150),
                cell("selector", 8, "fixed", 180),
                cell("selector", 2, "elastic", 200),
                cell("selector", 4, "elastic", 250)));
        assertEquals(new WorkloadView.Setting(1, 4, "elastic", false), v.best("selector"));
        assertEquals("io=1 w=4 elastic", v.best("selector").label(), "the kind beside the size");
        assertEquals(5, v.settingsOf("selector").size());
        assertEquals(List.of(2, 4), v.poolCells("selector", WorkloadView.Pool.WORKERS, 16).stream()
                .map(c -> c.key().workers()).toList(), "only the elastic cells: the kind is held");
    }
}
