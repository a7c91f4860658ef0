package netarena.experiments.run;

import java.nio.file.Path;

/**
 * Where runs are written: {@code results/runs/} of the checkout the launcher lives in
 * ({@code NETARENA_HOME}, set by {@code ./netarena}), or of the working directory otherwise.
 */
public final class RunsHome {

    private RunsHome() {
    }

    public static Path root() {
        String home = System.getenv("NETARENA_HOME");
        return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("results").resolve("runs");
    }

}
