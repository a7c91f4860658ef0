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
import netarena.experiments.sut.LaunchedServers;
import netarena.experiments.sut.ServerUnderTest;
import netarena.results.run.Manifest;
import netarena.results.run.RunFolder;

/**
 * The first steps of every experiment that drives servers: read the machine, pin this process (after the
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
        if (settings.target() != null) {
            pinning = pinning.withExternalServer();
        }
        return new RunStart(environment, pinning, RunFolder.create(settings.root(), Instant.now(), kind), settings);
    }

    /**
     * A cell setup with these warmup and measured durations whose servers start from the jar this runs from
     * (or {@code jar} when not null), with the settings' JVM flags, on the servers' CPUs; or, when the settings
     * name a target, that target as it is.
     */
    public CellMeasurement.Setup setup(Path jar, Duration warmup, Duration duration) {
        ServerUnderTest server;
        if (settings.target() != null) {
            if (jar != null) {
                throw new IllegalArgumentException("a run against the target " + settings.target().hostPort()
                        + " launches no server from " + jar);
            }
            server = settings.target();
        } else {
            ServerLauncher own = ServerLauncher.ofThisJar();
            server = new LaunchedServers((jar == null ? own : own.withJar(jar)).withJvmFlags(settings.serverJvmFlags())
                    .pinnedTo(pinning.serverCpus()), List.of());
        }
        return new CellMeasurement.Setup(server, warmup, duration, settings.generatorThreads(),
                ConnectionMemory.DEFAULT_STEP);
    }

    /** A manifest of a run (this one, or one of its parts), not yet finished, with this machine, pinning and flags. */
    public Manifest manifest(String runId, String kind, String command, Map<String, Object> plan,
            Map<String, String> knobs) {
        return new Manifest(runId, kind, command, Instant.now().toString(), null, EnvironmentProbe.gitCommit(), plan,
                environment, pinning.description(), settings.serverJvmFlags(), EnvironmentProbe.jvmFlags(), knobs);
    }
}
