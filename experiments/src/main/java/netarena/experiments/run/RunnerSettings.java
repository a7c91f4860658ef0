package netarena.experiments.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What every experiment that starts server JVMs and drives them with this process shares (sweep, ab,
 * capacity): where runs are written, CPU pinning, the servers' JVM flags and the generator's event loops.
 *
 * @param runsRoot         the folder new runs go into; null for {@link RunsHome#root()}
 * @param pin              pin servers and generator to separate CPUs ({@link netarena.experiments.cell.Pinning})
 * @param serverJvmFlags   flags of every server JVM
 * @param generatorThreads event loops of the load generator, at least 1
 */
public record RunnerSettings(Path runsRoot, boolean pin, List<String> serverJvmFlags, int generatorThreads) {

    public RunnerSettings {
        serverJvmFlags = List.copyOf(serverJvmFlags);
        if (generatorThreads < 1) {
            throw new IllegalArgumentException("generatorThreads must be at least 1, got " + generatorThreads);
        }
    }

    /** The root folder of new runs. */
    public Path root() {
        return runsRoot != null ? runsRoot : RunsHome.root();
    }
}
