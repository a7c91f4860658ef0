package netarena.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where runs are written: {@code results/runs/} of the checkout the launcher lives in
 * ({@code NETARENA_HOME}, set by {@code ./netarena}), or of the working directory otherwise.
 */
final class RunsHome {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunsHome() {
    }

    static Path root() {
        String home = System.getenv("NETARENA_HOME");
        return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("results").resolve("runs");
    }

    /** A new run id: the UTC time, plus a suffix naming the kind, e.g. {@code 2026-11-25T15-10-00Z-bench}. */
    static String newRunId(String kind) {
        return ID.format(Instant.now()) + "-" + kind;
    }
}
