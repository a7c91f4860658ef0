package netarena.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netarena.results.run.CellKey;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    private static final List<String> AVAILABLE = List.of("thread-per-client", "selector", "async");

    /** The smallest valid plan: one cell, a 1-byte echo on one connection for a second. */
    private static final String MINIMAL = """
            models: [selector]
            ioThreads: [1]
            connections: [1]
            workloads: [{op: echo, sizeBytes: 1, arg: 0}]
            durationSeconds: 1
            warmupSeconds: 0
            repeat: 1
            seed: 1
            """;

    /** {@link #MINIMAL} with each {@code "field: value"} of {@code changes} in place of its own, or added. */
    private static String minimalWith(String... changes) {
        Map<String, String> fields = fields(MINIMAL);
        for (String change : changes) {
            fields.put(change.substring(0, change.indexOf(':')), change);
        }
        return String.join("\n", fields.values()) + "\n";
    }

    /** {@link #MINIMAL} without {@code field}. */
    private static String minimalWithout(String field) {
        Map<String, String> fields = fields(MINIMAL);
        fields.remove(field);
        return String.join("\n", fields.values()) + "\n";
    }

    private static Map<String, String> fields(String yaml) {
        Map<String, String> fields = new LinkedHashMap<>();
        yaml.lines().forEach(line -> fields.put(line.substring(0, line.indexOf(':')), line));
        return fields;
    }

    @Test
    void readsTheEmbeddedDefaultPlanAsTheIssueDefinesIt() {
        SweepPlan plan = PlanReader.embedded("default");
        assertEquals(List.of("all"), plan.models());
        assertEquals(List.of(1, 2, 4), plan.ioThreads());
        assertEquals(List.of(1, 16, 256, 2048), plan.connections());
        assertEquals(List.of("echo", "cpu", "block", "delay"), plan.workloads().stream().map(SweepPlan.Workload::op).toList());
        assertEquals(List.of(0, 8), plan.workloads().get(2).workers());
        assertEquals(3, plan.repeat());
        assertTrue(!plan.openLoop().isEmpty(), "the default plan has open-loop cells");
    }

    @Test
    void expandsEveryAxisOfThePlan() {
        SweepPlan plan = PlanReader.embedded("default");
        List<CellKey> cells = PlanExpander.cells(plan, AVAILABLE, AVAILABLE::contains);
        // closed: (thread-per-client x io {0} + 2 models x io {1,2,4}) x 4 connections x (echo, cpu, block w0,
        // block w8, delay); open: 3 models x 2
        assertEquals((1 + 2 * 3) * 4 * 5 + 3 * 2, cells.size());
        assertTrue(cells.stream().filter(c -> c.model().equals("thread-per-client")).allMatch(c -> c.ioThreads() == 0),
                "thread-per-client gets a thread per client, not a pool smaller than its connections");
        assertEquals(cells.size(), cells.stream().map(CellKey::id).distinct().count(), "cell ids are unique");
        assertEquals(6, cells.stream().filter(CellKey::openLoop).count());
    }

    @Test
    void aTargetReplacesTheModelsAndLeavesTheServersOwnAxesAtZero() {
        SweepPlan plan = PlanReader.embedded("default").forTarget("target:127.0.0.1:8080");
        List<CellKey> cells = PlanExpander.cells(plan, plan.models(), "target:127.0.0.1:8080"::equals);
        // closed: 4 connections x (echo, cpu, block, delay: block's workers 0 and 8 are one cell); open: 2
        assertEquals(4 * 4 + 2, cells.size());
        assertTrue(cells.stream().allMatch(c -> c.model().equals("target:127.0.0.1:8080") && c.externalTarget()
                && c.ioThreads() == 0 && c.workers() == 0), cells.toString());
        assertEquals(List.of(1, 16, 256, 2048), cells.stream().filter(c -> !c.openLoop()).map(CellKey::connections)
                .distinct().toList(), "the connections axis applies as written");
        assertTrue(cells.stream().allMatch(c -> c.id().startsWith("target-127.0.0.1-8080_io0_w0_")), "file-safe ids");
    }

    @Test
    void readsAPlanFromYamlWithDefaultsForOmittedFields() {
        SweepPlan plan = PlanReader.parse(minimalWith("ioThreads: [2]", "connections: [8]",
                "workloads: [{op: echo, sizeBytes: 32, arg: 0}]", "repeat: 2"));
        assertEquals("frame", plan.protocol());
        assertEquals(List.of(0), plan.workloads().get(0).workers());
        assertEquals(List.of(), plan.openLoop());
        assertEquals(1, PlanExpander.cells(plan, AVAILABLE, AVAILABLE::contains).size());
    }

    @Test
    void crossesEveryWorkloadAndOpenLoopCellWithTheWorkerPoolKinds() {
        SweepPlan plan = PlanReader.parse("""
                models: [selector, async]
                ioThreads: [1]
                workerPools: [fixed, elastic, work-stealing, virtual]
                connections: [16]
                workloads: [{op: block, sizeBytes: 0, arg: 1000, workers: [2, 8]}]
                openLoop: [{ratePerSec: 2000, connections: 32, ioThreads: 1,
                            workload: {op: block, sizeBytes: 0, arg: 1000, workers: [4]}}]
                durationSeconds: 1
                warmupSeconds: 0
                repeat: 1
                seed: 1
                """);
        assertEquals(List.of("fixed", "elastic", "work-stealing", "virtual"), plan.workerPools());
        List<CellKey> cells = PlanExpander.cells(plan, AVAILABLE, AVAILABLE::contains);
        assertEquals(2 * 2 * 4 + 2 * 4, cells.size(), "models x workers x kinds, closed and open");
        assertEquals(cells.size(), cells.stream().map(CellKey::id).distinct().count(), "cell ids are unique");
        assertEquals(List.of("fixed", "elastic", "work-stealing", "virtual"), cells.stream()
                .filter(c -> c.model().equals("async") && c.workers() == 8).map(CellKey::workerPool).toList());
        assertEquals(List.of("fixed"), PlanReader.embedded("quick").workerPools(), "the server's default kind");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PlanReader.parse(minimalWith("workerPools: [cached]")));
        assertTrue(unknown.getMessage().contains("workerPools: unknown worker pool 'cached'"), unknown.getMessage());
    }

    @Test
    void rejectsBrokenPlansNamingTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanReader.parse(minimalWith("connections: [0]")));
        assertTrue(e.getMessage().contains("connections values must be >= 1"), e.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> PlanReader.parse("modles: [selector]\nrepeat: 1\n"));
        assertTrue(typo.getMessage().contains("modles"), typo.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> PlanReader.parse(minimalWithout("durationSeconds")));
        assertTrue(missing.getMessage().contains("durationSeconds"), missing.getMessage());
        SweepPlan unknownModel = PlanReader.parse(minimalWith("models: [nope]"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PlanExpander.cells(unknownModel, AVAILABLE, AVAILABLE::contains));
        assertTrue(unknown.getMessage().contains("unknown model 'nope'"), unknown.getMessage());
    }
}
