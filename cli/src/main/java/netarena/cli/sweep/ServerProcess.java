package netarena.cli.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        // a thread of its own: a blocking read in the common pool (one thread on 2 cores) can wait behind anything
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, r -> Thread.ofPlatform().daemon().name("server-first-line").start(r));
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while the server started");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("server did not say 'listening on' within " + START_TIMEOUT_SECONDS + " s; see " + stderrLog);
        }
        if (line == null || !line.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IOException("server exited or printed '" + line + "' instead of 'listening on HOST:PORT'; see " + stderrLog);
        }
        String hostPort = line.substring("listening on ".length());
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new ServerProcess(process, new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1))));
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
