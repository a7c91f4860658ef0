package netarena.experiments.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import netarena.load.AgentFiles;
import netarena.load.ResultFiles;

/**
 * An agent's run files carried in its log, for a cluster run where the log is the one thing every
 * Kubernetes installation lets a client read back. The agent prints, at its end:
 *
 * <pre>
 * ----- netarena agent files begin -----
 * FILE result.json
 * DATA &lt;base64 of the gzipped file, in lines of at most {@value #LINE_CHARS} characters&gt;
 * ...
 * ----- netarena agent files end -----
 * </pre>
 *
 * and {@link #extract} writes the files back into a folder. Lines outside the markers (progress, the
 * table) are ignored; a bundle cut short (the pod was killed) extracts nothing.
 */
public final class AgentLogBundle {

    static final String BEGIN = "----- netarena agent files begin -----";
    static final String END = "----- netarena agent files end -----";
    /** Kept well below the 16 KiB at which container runtimes split a log line. */
    static final int LINE_CHARS = 4_096;

    /** What an agent carries in its log: what the merge reads of it. */
    public static final List<String> RUN_FILES = List.of(ResultFiles.RESULT_JSON, ResultFiles.LATENCY_HLOG,
            AgentFiles.AGENT_JSON);

    private AgentLogBundle() {
    }

    /** Prints the named files of {@code dir} as a bundle. */
    public static void print(Path dir, List<String> names, PrintStream out) {
        out.println(BEGIN);
        for (String name : names) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            out.println("FILE " + name);
            String data = Base64.getEncoder().encodeToString(gzip(file));
            for (int i = 0; i < data.length(); i += LINE_CHARS) {
                out.println("DATA " + data.substring(i, Math.min(data.length(), i + LINE_CHARS)));
            }
        }
        out.println(END);
        out.flush();
    }

    /**
     * Writes the files of the last complete bundle in {@code log} into {@code dir}.
     *
     * @return how many files were written; 0 when the log holds no complete bundle
     */
    public static int extract(String log, Path dir) {
        int begin = log.lastIndexOf(BEGIN);
        int end = begin < 0 ? -1 : log.indexOf(END, begin);
        if (end < 0) {
            return 0;
        }
        String name = null;
        StringBuilder data = new StringBuilder();
        int written = 0;
        try {
            Files.createDirectories(dir);
            for (String line : log.substring(begin + BEGIN.length(), end).split("\r?\n")) {
                if (line.startsWith("FILE ")) {
                    written += flush(dir, name, data);
                    name = line.substring(5).trim();
                    if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                        throw new IllegalArgumentException("a bundled file name must be a plain name, was '" + name + "'");
                    }
                } else if (line.startsWith("DATA ")) {
                    data.append(line, 5, line.length());
                }
            }
            return written + flush(dir, name, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an agent's files to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int flush(Path dir, String name, StringBuilder data) throws IOException {
        if (name == null) {
            return 0;
        }
        byte[] gz = Base64.getDecoder().decode(data.toString());
        data.setLength(0);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
        return 1;
    }

    private static byte[] gzip(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
