package netarena.cli.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real HTTP peers the interop tests run (curl, ab, h2load, wrk, nginx): finding them on PATH, skipping
 * a test with the package to install when one is missing, and running one with a bound on its time.
 */
final class Peers {

    /** What a finished peer printed, stdout and stderr together, and how it exited. */
    record Run(List<String> command, int exitCode, String output) {
        /** The first group of {@code regex} in the output, or a failure naming the command and the output. */
        String find(String regex) {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            if (!m.find()) {
                throw new AssertionError("'" + regex + "' not in the output of " + String.join(" ", command) + ":\n"
                        + output);
            }
            return m.group(1);
        }

        long number(String regex) {
            return Long.parseLong(find(regex));
        }

        String describe() {
            return String.join(" ", command) + " (exit " + exitCode + "):\n" + output;
        }
    }

    private Peers() {
    }

    /** The tool's path; skips the calling test, naming the Debian package, when it is not installed. */
    static Path require(String tool, String debianPackage) {
        Path found = which(tool);
        Assumptions.assumeTrue(found != null, tool + " is not installed: apt-get install " + debianPackage
                + " (the interop profile needs it; .ci/run installs it)");
        return found;
    }

    static Path which(String tool) {
        String path = System.getenv("PATH");
        List<String> dirs = new java.util.ArrayList<>(List.of((path == null ? "" : path).split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin")); // nginx lives in sbin, often off a user's PATH
        for (String dir : dirs) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs {@code command} to its end, or kills it (and fails) once {@code limit} has passed: no peer can
     * hang the suite.
     */
    static Run run(Duration limit, List<String> command) {
        Path log = null;
        try {
            log = Files.createTempFile("netarena-peer", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try {
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + limit + ":\n"
                            + Files.readString(log, StandardCharsets.ISO_8859_1));
                }
            } finally {
                p.destroyForcibly();
            }
            return new Run(command, p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    static Run run(Duration limit, String... command) {
        return run(limit, List.of(command));
    }
}
