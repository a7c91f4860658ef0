package netarena.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.experiments.launch.ListeningLine;

/**
 * A server in its own JVM: {@code java FLAGS -cp <this test classpath> netarena.cli.NetarenaCommand serve
 * ARGS}, optionally under {@code ulimit -n}. Ready once it prints {@code listening on HOST:PORT}; its
 * stderr goes to a file the test can read. Signals (KILL, STOP, CONT) go through {@code kill}.
 */
final class ServerJvm implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 30;
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*? used (\\d+)K");

    private final Process process;
    private final InetSocketAddress address;
    private final Path stderr;

    private ServerJvm(Process process, InetSocketAddress address, Path stderr) {
        this.process = process;
        this.address = address;
        this.stderr = stderr;
    }

    /**
     * Starts {@code netarena serve SERVE_ARGS} in a new JVM with {@code jvmFlags}; {@code maxOpenFiles} above
     * 0 runs it under {@code ulimit -n} of that many.
     */
    static ServerJvm start(List<String> jvmFlags, int maxOpenFiles, List<String> serveArgs) throws IOException {
        List<String> command = new ArrayList<>();
        if (maxOpenFiles > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -n " + maxOpenFiles + " && exec \"$@\"", "bash"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "netarena.cli.NetarenaCommand", "serve"));
        command.addAll(serveArgs);
        Path stderr = Files.createTempFile("netarena-server-", ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        InetSocketAddress address = ListeningLine.await(process, START_TIMEOUT_SECONDS, () -> {
            try {
                return "its log: " + Files.readString(stderr);
            } catch (IOException e) {
                return "its log " + stderr + " is unreadable: " + e.getMessage();
            }
        });
        return new ServerJvm(process, address, stderr);
    }

    InetSocketAddress address() {
        return address;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What the server has written to stderr so far. */
    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Sends a signal by name (KILL, STOP, CONT, TERM) with {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + pid() + " failed");
        }
    }

    /** Waits up to {@code seconds} for the process to end; its exit code, or null if it is still running. */
    Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /**
     * Heap in use right after a full collection, in KiB: {@code jcmd PID GC.run} then {@code GC.heap_info}
     * (G1's "garbage-first heap total ..., used ...K" line); -1 when jcmd cannot say.
     */
    long heapAfterFullGcKiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Resident memory in KiB, from /proc; -1 when it cannot be read. */
    long rssKiB() {
        return Machine.procStatus(pid(), "VmRSS");
    }

    /** Threads of the process, from /proc; -1 when it cannot be read. */
    long threads() {
        return Machine.procStatus(pid(), "Threads");
    }

    /** SIGTERM and up to 15 s for the graceful stop, then SIGKILL; the exit code, or -1 when killed. */
    int stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(15, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            // a stopped process cannot act on SIGTERM: let it go on first
            try {
                signal("CONT");
            } catch (IOException ignored) {
                // it may have just ended
            }
            stop();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
