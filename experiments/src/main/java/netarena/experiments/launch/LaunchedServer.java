package netarena.experiments.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM that {@link ServerLauncher} started and that has said where it listens. Closing it stops it
 * gracefully: SIGTERM ({@code netarena serve} then stops its server with its grace period and exits 0),
 * then SIGKILL (to it and its children) after {@link #GRACEFUL_STOP_SECONDS}. Not thread-safe: one owner starts, signals and stops it.
 */
public final class LaunchedServer implements AutoCloseable {

    /** How long a server JVM may take to say {@code listening on}: a JVM start, JIT off, on a busy machine. */
    public static final long START_TIMEOUT_SECONDS = 30;
    /** How long a SIGTERM'd server may take to drain and exit (its own grace is 5 s) before SIGKILL. */
    public static final long GRACEFUL_STOP_SECONDS = 15;

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;
    private boolean suspended;

    LaunchedServer(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /**
     * A server process started otherwise (a peer such as nginx in the interop tests, ready by its own
     * signs), listening at {@code address} and logging to {@code log}: stopped the same way.
     */
    public static LaunchedServer adopt(Process process, InetSocketAddress address, Path log) {
        return new LaunchedServer(process, address, log);
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * The server JVM's pid. With taskset or the ulimit shell in front it is still the JVM's: both exec it,
     * so the pid stays (kept as a method so a wrapper that forks would be one change).
     */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The file its stderr goes to. */
    public Path log() {
        return log;
    }

    /** What it has written to stderr so far. */
    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** Sends a signal by name (KILL, STOP, CONT, TERM) with {@code kill}. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
        if (name.equals("STOP") || name.equals("CONT")) {
            suspended = name.equals("STOP");
        }
    }

    /** Waits up to {@code seconds} for the process to end; its exit code, or null if it is still running. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** SIGTERM, then up to {@link #GRACEFUL_STOP_SECONDS} for the graceful stop, then SIGKILL. The exit code, -1 if killed. */
    public int stop() {
        process.destroy();
        try {
            if (process.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
            kill();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** SIGKILL to it and whatever it forked (a server that is a master with workers, as nginx). */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        if (suspended) {
            // a stopped process cannot act on SIGTERM: let it go on first
            try {
                signal("CONT");
            } catch (IOException e) {
                // it may have just ended; stop() kills it either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }
}
