package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.CpuSplit;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.ServerCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep against an external target: its cells say why the server's figures are n/a and that its threads are its
 * own; a model's do not.
 */
class ExternalTargetReportTest {

    private static final String TARGET = CellKey.targetModel("[::1]:8080");

    private static Repetition rep(CellKey key, ServerCost cost) {
        return new Repetition(key, 1, 1, CellStatus.OK, "", 10_000, 50, 90, 120, 300, 900, 100_000, 0, cost,
                RunFolder.repetitionPath(key, 1));
    }

    @Test
    void notesOnceThatAnExternalTargetsServerFiguresAreUnknown(@TempDir Path root) throws IOException {
        RunFolder run = RunFolder.create(root, Instant.parse("2026-12-01T10:00:00Z"), "sweep");
        CellKey target = new CellKey(TARGET, 0, 0, 16, "echo", 64, 0, 0, "frame");
        ServerCost generatorOnly = new ServerCost(CpuSplit.unknown(), new CpuSplit(9, 0, 0, 1), Double.NaN, -1, -1,
                Double.NaN, Double.NaN, Double.NaN);
        run.appendRepetition(rep(target, generatorOnly));
        run.appendRepetition(rep(new CellKey(TARGET, 0, 0, 256, "echo", 64, 0, 0, "frame"), generatorOnly));
        CellKey selector = new CellKey("selector", 1, 0, 16, "echo", 64, 0, 0, "frame");
        run.appendRepetition(rep(selector, new ServerCost(new CpuSplit(20, 1, 1, 1), new CpuSplit(9, 0, 0, 1), 0.5,
                80_000, 12, 3, 2, 1)));
        run.writeResults();
        ReportWriter.Written written = ReportWriter.write(run.dir());
        String md = Files.readString(written.markdown());
        assertEquals(1, ReportWriterTest.count(md, TARGET + " is an external target"), md);
        assertEquals(0, ReportWriterTest.count(md, "selector is an external target"), md);
        assertTrue(Files.readString(written.html()).contains(TARGET + " is an external target"));
        assertTrue(md.contains("| " + TARGET + " | its own threads | "), "not io=auto w=0, which is netarena's: " + md);
        assertTrue(md.contains("| selector | io=1 w=0 "), md);
        assertTrue(target.externalTarget() && !selector.externalTarget());
        assertEquals("target----1--8080_io0_w0_c16_echo-64B-0_closed_frame", target.id(), "a file-safe id");
    }
}
