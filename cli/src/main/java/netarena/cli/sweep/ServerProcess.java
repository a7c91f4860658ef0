package netarena.cli.sweep;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netarena.results.run.CellKey;

/**
 * A server of one cell in its own JVM: {@code java FLAGS -jar netarena.jar serve ...}, optionally pinned
 * with {@code taskset}. It is ready once it prints {@code listening on HOST:PORT}; its stderr goes to a
 * log file beside the cell's results.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final InetSocketAddress address;

    private ServerProcess(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** The command that starts the server of {@code cell}; exposed for the manifest and for tests. */
    static List<String> command(Path java, Path jar, List<String> jvmFlags, String cpuList, CellKey cell) {
        return command(java, jar, jvmFlags, cpuList, cell, List.of());
    }

    /** As above, with {@code serverArgs} appended to {@code serve}'s arguments. */
    static List<String> command(Path java, Path jar, List<String> jvmFlags, String cpuList, CellKey cell,
            List<String> serverArgs) {
        List<String> command = new ArrayList<>();
        if (cpuList != null) {
            command.addAll(List.of("taskset", "-c", cpuList));
        }
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "serve",
                "--model", cell.model(),
                "--protocol", cell.protocol(),
                "--io-threads", Integer.toString(cell.ioThreads()),
                "--workers", Integer.toString(cell.workers()),
                "--max-connections", Integer.toString(Math.max(10_000, cell.connections() * 2)),
                "--bind", "127.0.0.1", "--port", "0"));
        command.addAll(serverArgs);
        return command;
    }

    static ServerProcess start(List<String> command, Path stderrLog) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()))
                .start();
        InetSocketAddress address = netarena.cli.ListeningLine.await(process, START_TIMEOUT_SECONDS, () -> "see " + stderrLog);
        return new ServerProcess(process, address);
    }

    InetSocketAddress address() {
        return address;
    }

    /**
     * The server JVM's pid: with taskset in front, the child of that process (taskset execs, so the pid
     * is the same; kept as a method so a wrapper that forks would be one change).
     */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then up to 15 s for the graceful stop, then SIGKILL. Returns the exit code (-1 if killed). */
    int stop() {
        process.destroy();
        try {
            if (process.waitFor(15, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return -1;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
