package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import netarena.results.compare.RunComparator;
import netarena.results.run.CellKey;
import netarena.results.run.CellStatus;
import netarena.results.run.Repetition;
import netarena.results.run.RunFolder;
import netarena.results.run.CpuSplit;
import netarena.results.run.ServerCost;
import netarena.results.stats.ComparisonConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final CellKey CELL = new CellKey("selector", 1, 0, 16, "echo", 64, 0, 0, "frame");

    @TempDir
    Path root;

    /** 8 repetitions with 1% jitter around the given throughput and p99; the other figures fixed. */
    private Path run(String kind, double throughput, double p99) throws Exception {
        RunFolder run = RunFolder.create(root, Instant.parse("2026-11-25T15:10:00Z"), kind);
        for (int n = 1; n <= 8; n++) {
            double j = 1 + (n % 4 - 1.5) / 200;
            run.appendRepetition(new Repetition(CELL, n, n, CellStatus.OK, "", throughput * j, 400 * j, 600 * j,
                    p99 * j, 2_000 * j, 3_000, 10_000, 0, new ServerCost(new CpuSplit(30 * j, 0, 0, 0), CpuSplit.unknown(), 0.5, 90_000, 12, 4, Double.NaN, Double.NaN),
                    RunFolder.repetitionPath(CELL, n)));
        }
        return run.dir();
    }

    private static int execute(String... args) {
        return CliRun.of(args).code();
    }

    @Test
    void storedRunsOfTheBaselineBuildSetTheThresholdAndAreKeptAsNoiseJson() throws Exception {
        Path base = run("base", 20_000, 1_000);
        Path slower = run("slower", 15_000, 1_400);
        // the baseline build on two other days: throughput and p99 moved by about 35% between them
        Path day1 = run("day1", 20_000, 1_000);
        Path day2 = run("day2", 14_000, 1_450);
        Path out = root.resolve("verdict");
        assertEquals(1, execute("compare", base.toString(), slower.toString(), "--out", root.resolve("v0").toString()));
        assertEquals(0, execute("compare", base.toString(), slower.toString(), "--noise-runs", day1 + "," + day2,
                "--out", out.toString()), "a change within the day-to-day spread is not a regression");
        assertTrue(Files.isRegularFile(out.resolve("noise.json")));
        assertTrue(Files.readString(out.resolve("compare.md")).contains("from the spread between 2 stored runs"));
        assertEquals(0, execute("compare", base.toString(), slower.toString(), "--noise",
                out.resolve("noise.json").toString(), "--out", root.resolve("v2").toString()), "the kept file alone");
        assertEquals(2, execute("compare", base.toString(), slower.toString(), "--noise-runs", day1.toString()),
                "one stored run has no spread");
    }

    @Test
    void exitCodesSayRegressionNoRegressionAndInvalidInput() throws Exception {
        Path base = run("base", 20_000, 1_000);
        Path same = run("same", 20_000, 1_000);
        Path slower = run("slower", 15_000, 1_400);
        assertEquals(0, execute("compare", base.toString(), same.toString()));
        assertEquals(1, execute("compare", base.toString(), slower.toString(), "--threshold", "5%"));
        assertEquals(2, execute("compare", base.toString(), Files.createDirectories(root.resolve("empty")).toString()));
        assertEquals(64, execute("compare", base.toString(), same.toString(), "--threshold", "5"));
        assertEquals(0, execute("compare", base.toString(), slower.toString(), "--threshold", "50%"),
                "a -25% change within a 50% threshold is not a regression");
    }

    @Test
    void printsTheMarkdownAndWarnsOnStderrWritingFilesWhereAsked() throws Exception {
        Path base = run("base", 20_000, 1_000);
        Path slower = run("slower", 15_000, 1_400);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path dir = root.resolve("verdict");
        int code = CompareCommand.run(base, slower, new RunComparator(ComparisonConfig.defaults().withResamples(2_000)), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.startsWith("### netarena compare: REGRESSED"), md);
        assertEquals(md, Files.readString(dir.resolve("compare.md")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("REGRESSED (exit 1)"), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("junit.xml")));
    }
}
