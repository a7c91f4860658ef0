package netarena.experiments.cell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netarena.experiments.launch.LaunchedServer;
import netarena.experiments.launch.ServerLauncher;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;
import netarena.server.ServerDefaults;

/**
 * The server of one cell in its own JVM: its {@code netarena serve} arguments, and its start with
 * {@code server-command.txt} and {@code server.log} written beside the cell's results. A sweep starts one
 * per measurement; {@code netarena capacity} starts one, verified, and keeps it for several load runs.
 */
public final class CellServer {

    /**
     * Added to every cell server's JVM flags unless they name a tracking level: the memory slope tells heap
     * from native memory by it. Summary tracking counts each malloc, a cost too small to see beside a request's.
     */
    static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    private CellServer() {
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

    /** Starts the server of {@code cell} with {@code setup}, writing {@code server-command.txt} and {@code server.log} into {@code dir}. */
    public static LaunchedServer launch(CellMeasurement.Setup setup, CellKey cell, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> args = serveArgs(cell, setup.serverArgs());
        ServerLauncher launcher = withMemoryTracking(setup.server());
        Files.writeString(dir.resolve("server-command.txt"), String.join(" ", launcher.command(args)) + "\n");
        return launcher.start(args, dir.resolve("server.log"));
    }

    private static ServerLauncher withMemoryTracking(ServerLauncher launcher) {
        if (launcher.jvmFlags().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
            return launcher;
        }
        List<String> flags = new ArrayList<>(launcher.jvmFlags());
        flags.add(NATIVE_MEMORY_TRACKING);
        return launcher.withJvmFlags(flags);
    }

    /**
     * As {@link #launch}, then through the verify gate. Fails with the reason, the server stopped, when it
     * does not start or answers any verify check wrongly.
     */
    public static LaunchedServer launchVerified(CellMeasurement.Setup setup, CellKey cell, Path dir)
            throws IOException {
        LaunchedServer server = launch(setup, cell, dir);
        String failure = VerifyGate.failure(server.address(), WireProtocol.fromLabel(cell.protocol()));
        if (failure != null) {
            server.close();
            throw new IOException("the server failed the verify gate: " + failure + "; see " + server.log());
        }
        return server;
    }
}
