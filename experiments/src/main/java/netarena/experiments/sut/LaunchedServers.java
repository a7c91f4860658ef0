package netarena.experiments.sut;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netarena.experiments.launch.LaunchedServer;
import netarena.experiments.launch.ServerLauncher;
import netarena.results.run.CellKey;
import netarena.server.ServerDefaults;
import netarena.server.StatsLine;

/**
 * netarena servers, each in its own JVM, one per cell measurement or capacity question: started with
 * {@code server-command.txt} and {@code server.log} written beside the results. A sweep starts one per
 * measurement; {@code netarena capacity} starts one, verified, and keeps it for several load runs.
 *
 * @param launcher   how the server JVM starts: java, jar, JVM flags, pinning
 * @param serverArgs extra arguments of {@code netarena serve}, after the cell's own (e.g. {@code ab}'s
 *                   {@code --candidate-server-args}); empty for a sweep
 */
public record LaunchedServers(ServerLauncher launcher, List<String> serverArgs) implements ServerUnderTest {

    /**
     * Added to every cell server's JVM flags unless they name a tracking level: the memory slope tells heap
     * from native memory by it. Summary tracking counts each malloc, a cost too small to see beside a request's.
     */
    static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    public LaunchedServers {
        serverArgs = List.copyOf(serverArgs);
    }

    /** The same servers started from another build's jar with other extra arguments (one side of an A/B run). */
    public LaunchedServers forBuild(Path otherJar, List<String> otherServerArgs) {
        return new LaunchedServers(launcher.withJar(otherJar), otherServerArgs);
    }

    /**
     * The arguments of {@code netarena serve} for {@code cell} (its model, io-threads, workers, worker pool and
     * protocol; the load fields are not used), on an ephemeral loopback port, then {@code extra}.
     */
    public static List<String> serveArgs(CellKey cell, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--model", cell.model(),
                "--protocol", cell.protocol(),
                "--io-threads", Integer.toString(cell.ioThreads()),
                "--workers", Integer.toString(cell.workers()),
                // at least the server's default, far above any plan's, so that the limit never shapes a figure
                "--max-connections", Integer.toString(Math.max(ServerDefaults.MAX_CONNECTIONS, cell.connections() * 2)),
                "--bind", "127.0.0.1", "--port", "0"));
        if (!ServerDefaults.WORKER_POOL.label().equals(cell.workerPool())) {
            // said only when it is not the default, so that an A/B baseline built before the option still starts
            args.addAll(List.of("--worker-pool", cell.workerPool()));
        }
        args.addAll(extra);
        return args;
    }

    /** Starts the server of {@code cell}, writing {@code server-command.txt} and {@code server.log} into {@code dir}. */
    @Override
    public ServerRun start(CellKey cell, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> args = serveArgs(cell, serverArgs);
        ServerLauncher tracked = withMemoryTracking(launcher);
        Files.writeString(dir.resolve("server-command.txt"), String.join(" ", tracked.command(args)) + "\n");
        return new Run(tracked.start(args, dir.resolve("server.log")));
    }

    private static ServerLauncher withMemoryTracking(ServerLauncher launcher) {
        if (launcher.jvmFlags().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
            return launcher;
        }
        List<String> flags = new ArrayList<>(launcher.jvmFlags());
        flags.add(NATIVE_MEMORY_TRACKING);
        return launcher.withJvmFlags(flags);
    }

    /** One launched JVM: its process is ours to read and to stop. */
    private record Run(LaunchedServer server) implements ServerRun {

        @Override
        public InetSocketAddress address() {
            return server.address();
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(server.pid());
        }

        @Override
        public boolean alive() {
            return server.alive();
        }

        @Override
        public Optional<StatsLine.ServerCounters> counters() {
            try {
                return StatsLine.lastIn(server.logText());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public String whereToLook() {
            return server.log().toString();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
