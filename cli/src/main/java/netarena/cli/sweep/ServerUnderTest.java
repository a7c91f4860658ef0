package netarena.cli.sweep;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netarena.protocol.WireProtocol;
import netarena.results.run.CellKey;

/**
 * A server of one configuration in its own JVM, started as a sweep starts one (same command, same
 * pinning) and passed through the verify gate, then kept for several load runs: what
 * {@code netarena capacity} measures. Not thread-safe; close it to stop the JVM gracefully.
 */
public final class ServerUnderTest implements AutoCloseable {

    private final ServerProcess process;

    private ServerUnderTest(ServerProcess process) {
        this.process = process;
    }

    /**
     * Starts the server of {@code cell} (its model, io-threads, workers and protocol; the load fields are
     * not used) with {@code setup}'s java, jar, JVM flags, pinning and extra serve arguments, writing
     * {@code server-command.txt} and {@code server.log} into {@code dir}. Fails with the reason when it
     * does not start or answers any verify check wrongly.
     */
    public static ServerUnderTest start(CellMeasurement.Setup setup, CellKey cell, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> command = ServerProcess.command(setup.java(), setup.jar(), setup.jvmFlags(),
                setup.pinning().serverCpus(), cell, setup.serverArgs());
        Files.writeString(dir.resolve("server-command.txt"), String.join(" ", command) + "\n");
        ServerProcess process = ServerProcess.start(command, dir.resolve("server.log"));
        String failure = VerifyGate.failure(process.address(), WireProtocol.fromLabel(cell.protocol()));
        if (failure != null) {
            process.close();
            throw new IOException("the server failed the verify gate: " + failure + "; see " + dir.resolve("server.log"));
        }
        return new ServerUnderTest(process);
    }

    public InetSocketAddress address() {
        return process.address();
    }

    public boolean alive() {
        return process.alive();
    }

    /** The server's user + system CPU so far, microseconds; -1 when /proc cannot say. */
    public long cpuMicros() {
        ProcStats s = ProcStats.read(process.pid());
        return s == null ? -1 : s.cpuMicros();
    }

    @Override
    public void close() {
        process.close();
    }
}
