package netarena.experiments.run;

import java.nio.file.Path;
import java.util.List;
import netarena.experiments.sut.ExternalTarget;

/**
 * What every experiment that drives servers with this process shares (sweep, ab, capacity): where runs are
 * written, CPU pinning, the servers' JVM flags, the generator's event loops, and whether the servers are
 * launched or one external target is measured.
 *
 * @param runsRoot         the folder new runs go into; null for {@link RunsHome#root()}
 * @param pin              pin servers and generator to separate CPUs ({@link netarena.experiments.cell.Pinning})
 * @param serverJvmFlags   flags of every server JVM; none with a target
 * @param generatorThreads event loops of the load generator, at least 1
 * @param target           the server to measure instead of launching one per cell or question; null to launch
 */
public record RunnerSettings(Path runsRoot, boolean pin, List<String> serverJvmFlags, int generatorThreads,
        ExternalTarget target) {

    public RunnerSettings {
        serverJvmFlags = List.copyOf(serverJvmFlags);
        if (generatorThreads < 1) {
            throw new IllegalArgumentException("generatorThreads must be at least 1, got " + generatorThreads);
        }
        if (target != null && !serverJvmFlags.isEmpty()) {
            throw new IllegalArgumentException("server JVM flags " + serverJvmFlags + " apply to launched servers; "
                    + "netarena does not start the target " + target.hostPort());
        }
    }

    /** The root folder of new runs. */
    public Path root() {
        return runsRoot != null ? runsRoot : RunsHome.root();
    }
}
