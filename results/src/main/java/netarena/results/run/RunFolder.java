package netarena.results.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A run folder, {@code results/runs/<runId>/}: what one sweep, bench or capacity run measured.
 *
 * <pre>
 * manifest.json                      how the figures were made ({@link Manifest})
 * repetitions.csv                    one row per repetition, appended as each one ends ({@link RepetitionCsv})
 * results.csv                        one row per cell, median/min/max over repetitions ({@link ResultsCsv})
 * cells/&lt;cellId&gt;/rep-&lt;n&gt;/           result.json, latency.hgrm, latency.hlog of one repetition
 * jmh.json                           JMH's -rf json output, for a bench run
 * summary.md, report.html            written by the report
 * </pre>
 *
 * <p>The sweep calls {@link #appendRepetition} from one thread as each repetition finishes; the row
 * is written whole and forced to disk before it returns, so a run that is killed keeps every
 * repetition it finished. A file lock keeps two processes appending to one file from interleaving.
 */
public final class RunFolder {

    public static final String MANIFEST = "manifest.json";
    public static final String REPETITIONS = "repetitions.csv";
    public static final String RESULTS = "results.csv";
    public static final String JMH = "jmh.json";
    public static final String CELLS = "cells";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a new run folder under {@code root} named by the UTC time {@code now}, e.g.
     * {@code 2026-11-25T15-10-00Z}; a second run in the same second gets {@code -2}, {@code -3}, ...
     */
    public static RunFolder create(Path root, Instant now) throws IOException {
        return create(root, now, "");
    }

    /**
     * As {@link #create(Path, Instant)}, with the kind after the time when it is not empty, e.g.
     * {@code 2026-11-25T15-10-00Z-sweep} (the CLI's naming for bench runs).
     */
    public static RunFolder create(Path root, Instant now, String kind) throws IOException {
        if (!kind.matches("[a-z0-9-]*")) {
            throw new IllegalArgumentException("run kind must be lower-case letters, digits or '-': " + kind);
        }
        Files.createDirectories(root);
        String base = RUN_ID.format(now.truncatedTo(ChronoUnit.SECONDS)) + (kind.isEmpty() ? "" : "-" + kind);
        for (int n = 1; ; n++) {
            Path dir = root.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(dir);
                return new RunFolder(dir);
            } catch (FileAlreadyExistsException taken) {
                // another run started in the same second: try the next suffix
            }
        }
    }

    /** The files of which a run folder holds at least one, whatever made it. */
    public static final List<String> RUN_FILES = List.of(MANIFEST, REPETITIONS, JMH);

    /** True when {@code dir} holds one of {@link #RUN_FILES}: a folder a report or a comparison can read. */
    public static boolean holdsARun(Path dir) {
        return RUN_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** An existing run folder; fails with the path in the message if it is not a directory. */
    public static RunFolder open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a run folder (no such directory): " + dir);
        }
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The folder's name, the run id. */
    public String runId() {
        return dir.getFileName().toString();
    }

    /** Writes manifest.json (replacing it atomically, so a reader never sees half a file). */
    public void writeManifest(Manifest manifest) throws IOException {
        writeAtomically(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n");
    }

    /** Reads manifest.json; throws if it is missing or not a manifest. */
    public Manifest readManifest() throws IOException {
        return JSON.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
    }

    /**
     * Appends one row to repetitions.csv, writing the header first if the file is new, and forces it
     * to disk. If the last row was cut short (a killed run), the new row still starts on its own line.
     */
    public synchronized void appendRepetition(Repetition repetition) throws IOException {
        Path file = dir.resolve(REPETITIONS);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
                FileLock lock = ch.lock()) {
            long size = ch.size();
            StringBuilder text = new StringBuilder();
            if (size == 0) {
                text.append(RepetitionCsv.headerLine());
            } else if (!endsWithNewline(ch, size)) {
                text.append('\n');
            }
            text.append(RepetitionCsv.line(repetition));
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            long position = size;
            while (bytes.hasRemaining()) {
                position += ch.write(bytes, position);
            }
            ch.force(false);
        }
    }

    /** Every readable row of repetitions.csv, and the lines skipped. */
    public Rows<Repetition> readRepetitions() {
        return RepetitionCsv.read(dir.resolve(REPETITIONS));
    }

    /**
     * Summarizes repetitions.csv cell by cell and writes results.csv; returns the summaries. Rows that
     * could not be read are left out (the report lists them).
     */
    public List<CellSummary> writeResults() throws IOException {
        List<CellSummary> summaries = CellSummary.summarize(readRepetitions().rows());
        writeAtomically(dir.resolve(RESULTS), ResultsCsv.render(summaries));
        return summaries;
    }

    public Rows<CellSummary> readResults() {
        return ResultsCsv.read(dir.resolve(RESULTS));
    }

    /** {@code cells/<cellId>/rep-<n>} relative to the run folder, as {@link Repetition#resultDir()} holds it. */
    public static String repetitionPath(CellKey cell, int repetition) {
        return CELLS + "/" + cell.id() + "/rep-" + repetition;
    }

    /** Creates and returns the folder for one repetition's result.json, latency.hgrm and latency.hlog. */
    public Path repetitionDir(CellKey cell, int repetition) throws IOException {
        return Files.createDirectories(dir.resolve(repetitionPath(cell, repetition)));
    }

    public Path jmhJson() {
        return dir.resolve(JMH);
    }

    /** Writes {@code text} to {@code file} through a temporary file and an atomic rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        if (ch.read(last, size - 1) != 1) {
            throw new IOException("cannot read the last byte of " + REPETITIONS);
        }
        return last.get(0) == '\n';
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
