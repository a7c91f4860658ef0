package netarena.experiments.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import netarena.experiments.cell.CellMeasurement;
import netarena.experiments.cost.ConnectionMemory;
import netarena.experiments.cell.Pinning;
import netarena.experiments.launch.ServerLauncher;
import netarena.results.run.Manifest;
import netarena.results.run.RunFolder;

/**
 * The first steps of every experiment that starts servers: read the machine, pin this process (after the
 * reading: once pinned, it sees only its own CPUs), and create the run folder.
 *
 * @param environment the machine and JVM, read before pinning
 * @param pinning     where the servers and the generator run
 * @param run         the new run folder
 * @param settings    the settings it began with
 */
public record RunStart(Manifest.Environment environment, Pinning pinning, RunFolder run, RunnerSettings settings) {

    /** Reads the machine, pins, and creates a run folder of {@code kind}. */
    public static RunStart begin(RunnerSettings settings, String kind) throws IOException {
        Manifest.Environment environment = EnvironmentProbe.environment();
        Pinning pinning = Pinning.apply(settings.pin());
        return new RunStart(environment, pinning, RunFolder.create(settings.root(), Instant.now(), kind), settings);
    }

    /**
     * A cell setup whose servers start from the jar this runs from (or {@code jar} when not null), with the
     * settings' JVM flags, on the servers' CPUs, and these warmup and measured durations.
     */
    public CellMeasurement.Setup setup(Path jar, Duration warmup, Duration duration) {
        ServerLauncher own = ServerLauncher.ofThisJar();
        ServerLauncher launcher = (jar == null ? own : own.withJar(jar)).withJvmFlags(settings.serverJvmFlags())
                .pinnedTo(pinning.serverCpus());
        return new CellMeasurement.Setup(launcher, warmup, duration, settings.generatorThreads(),
                ConnectionMemory.DEFAULT_STEP, List.of());
    }

    /** A manifest of a run (this one, or one of its parts), not yet finished, with this machine, pinning and flags. */
    public Manifest manifest(String runId, String kind, String command, Map<String, Object> plan,
            Map<String, String> knobs) {
        return new Manifest(runId, kind, command, Instant.now().toString(), null, EnvironmentProbe.gitCommit(), plan,
                environment, pinning.description(), settings.serverJvmFlags(), EnvironmentProbe.jvmFlags(), knobs);
    }
}
