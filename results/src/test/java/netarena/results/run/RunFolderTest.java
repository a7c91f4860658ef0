package netarena.results.run;

import static netarena.results.run.Fixtures.cost;
import static netarena.results.run.Fixtures.key;
import static netarena.results.run.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    private static final Instant T = Instant.parse("2026-11-25T15:10:00.750Z");

    @TempDir
    Path root;

    @Test
    void createsATimestampFolderAndASuffixedOneInTheSameSecond() throws IOException {
        RunFolder first = RunFolder.create(root.resolve("runs"), T);
        RunFolder second = RunFolder.create(root.resolve("runs"), T);
        assertEquals("2026-11-25T15-10-00Z", first.runId());
        assertEquals("2026-11-25T15-10-00Z-2", second.runId());
        assertTrue(Files.isDirectory(second.dir()));
    }

    @Test
    void aKindFollowsTheTime() throws IOException {
        assertEquals("2026-11-25T15-10-00Z-sweep", RunFolder.create(root, T, "sweep").runId());
        assertThrows(IllegalArgumentException.class, () -> RunFolder.create(root, T, "../x"));
    }

    @Test
    void manifestRoundTrips() throws IOException {
        RunFolder run = RunFolder.create(root, T);
        Manifest m = Fixtures.manifest(run.runId());
        run.writeManifest(m);
        assertEquals(m, run.readManifest());
        assertEquals(netarena.load.BuildInfo.current(), run.readManifest().netarena(),
                "a manifest written here names the build that wrote it");
    }

    @Test
    void repetitionsRoundTripIncludingUnknownCostsAndAwkwardReasons() throws IOException {
        RunFolder run = RunFolder.create(root, T);
        CellKey open = new CellKey("netty-epoll", 1, 4, 1024, "block", 1024, 250, 20_000.5, "http");
        List<Repetition> written = List.of(
                rep(key("selector", 64), 1, CellStatus.OK, "", 12_345.25, cost(17.5)),
                rep(key("selector", 64), 2, CellStatus.FAILED, "server said \"no\", then\nclosed", Double.NaN,
                        ServerCost.unknown()),
                rep(open, 1, CellStatus.INVALID, "hiccup 12ms, schedule lag 3%", 19_000, cost(1e-3)));
        for (Repetition r : written) {
            run.appendRepetition(r);
        }
        Rows<Repetition> read = run.readRepetitions();
        assertEquals(List.of(), read.problems());
        assertEquals(written.get(0), read.rows().get(0));
        assertEquals(written.get(2), read.rows().get(2));
        Repetition failed = read.rows().get(1);
        assertEquals("server said \"no\", then closed", failed.reason(), "line breaks become spaces");
        assertEquals(ServerCost.unknown(), failed.cost());
        assertTrue(Double.isNaN(failed.throughputPerSec()));
        List<String> lines = Files.readAllLines(run.dir().resolve(RunFolder.REPETITIONS));
        assertEquals(4, lines.size(), "one header, then one line per repetition");
        assertEquals(String.join(",", RepetitionCsv.HEADER), lines.get(0));
    }

    @Test
    void aRowCutShortByAKilledRunIsSkippedAndTheNextAppendStartsOnItsOwnLine() throws IOException {
        RunFolder run = RunFolder.create(root, T);
        CellKey cell = key("async", 16);
        run.appendRepetition(rep(cell, 1, CellStatus.OK, "", 100, cost(5)));
        String half = RepetitionCsv.line(rep(cell, 2, CellStatus.OK, "", 100, cost(5))).substring(0, 40);
        Files.writeString(run.dir().resolve(RunFolder.REPETITIONS), half, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        run.appendRepetition(rep(cell, 3, CellStatus.OK, "", 300, cost(5)));

        Rows<Repetition> read = run.readRepetitions();
        assertEquals(List.of(1, 3), read.rows().stream().map(Repetition::repetition).toList());
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).startsWith("repetitions.csv line 3 skipped"), read.problems().get(0));
    }

    @Test
    void numbersAreWrittenPlainAndWithoutBinaryNoise() {
        assertEquals("0.108", Csv.number(0.1 + 0.008));
        assertEquals("2152.7", Csv.number(2152.7000000000003));
        assertEquals("1000000000000", Csv.number(1e12));
        assertEquals("0", Csv.number(-0.0));
        assertEquals("", Csv.number(Double.NaN));
        assertEquals("", Csv.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void aMissingFileIsAProblemNotAnException() throws IOException {
        Rows<Repetition> read = RunFolder.create(root, T).readRepetitions();
        assertEquals(List.of(), read.rows());
        assertEquals(List.of("repetitions.csv is missing"), read.problems());
    }

    @Test
    void resultsAreComputedFromTheRepetitionsAndReadBack() throws IOException {
        RunFolder run = RunFolder.create(root, T);
        CellKey a = key("selector", 16);
        CellKey b = key("thread-per-client", 16);
        run.appendRepetition(rep(a, 1, CellStatus.OK, "", 900, cost(12)));
        run.appendRepetition(rep(a, 2, CellStatus.OK, "", 1000, cost(10)));
        run.appendRepetition(rep(a, 3, CellStatus.OK, "", 1300, cost(11)));
        run.appendRepetition(rep(b, 1, CellStatus.FAILED, "server did not start", 0, ServerCost.unknown()));

        List<CellSummary> written = run.writeResults();
        Rows<CellSummary> read = run.readResults();
        assertEquals(List.of(), read.problems());
        assertEquals(written, read.rows());
        assertEquals(new Spread(1000, 900, 1300), read.rows().get(0).throughputPerSec());
        assertEquals(CellStatus.FAILED, read.rows().get(1).status());

        List<String> lines = Files.readAllLines(run.dir().resolve(RunFolder.RESULTS));
        assertTrue(lines.get(0).startsWith("cell_id,model,io_threads,workers,worker_pool,connections,op,size_bytes,arg,"));
        assertTrue(lines.get(1).contains(",OK,,3,3,1000,900,1300,"), lines.get(1));
        assertTrue(lines.get(2).contains(",FAILED,rep 1 FAILED: server did not start,1,0,,,,"), lines.get(2));
    }

    @Test
    void thePoolKindRoundTripsAndAFileWrittenBeforeItReadsAsTheFixedPool() throws IOException {
        RunFolder run = RunFolder.create(root, T);
        CellKey elastic = new CellKey("selector", 1, 8, "work-stealing", 16, "block", 0, 1000, 0, "frame");
        assertEquals("selector_io1_w8-work-stealing_c16_block-0B-1000_closed_frame", elastic.id());
        assertEquals("selector_io2_w0_c16_echo-64B-0_closed_frame", key("selector", 16).id(),
                "a fixed pool's cell keeps the id it had before pool kinds");
        run.appendRepetition(rep(elastic, 1, CellStatus.OK, "", 900, cost(12)));
        assertEquals(elastic, run.readRepetitions().rows().get(0).cell());
        run.writeResults();
        assertEquals(elastic, run.readResults().rows().get(0).key());

        Path repetitions = run.dir().resolve(RunFolder.REPETITIONS);
        List<String> lines = Files.readAllLines(repetitions);
        Files.write(repetitions, lines.stream().map(RunFolderTest::withoutThePoolColumn).toList());
        CellKey read = run.readRepetitions().rows().get(0).cell();
        assertEquals(CellKey.POOL_BEFORE_KINDS, read.workerPool());
        assertEquals(8, read.workers());
    }

    /** A repetitions.csv line as a run written before the worker_pool column (the fifth) has it. */
    private static String withoutThePoolColumn(String line) {
        List<String> fields = new java.util.ArrayList<>(List.of(line.split(",", -1)));
        fields.remove(4);
        return String.join(",", fields);
    }

    @Test
    void openRefusesAFolderThatIsNotThere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunFolder.open(root.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"));
    }
}
