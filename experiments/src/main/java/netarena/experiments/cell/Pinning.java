package netarena.experiments.cell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the servers and the load generator on separate CPUs with {@code taskset}: on a small machine
 * they would otherwise steal each other's cycles and the figures would mix both. The servers get the
 * first half of the CPUs, this process (the generator) the rest.
 *
 * @param serverCpus    the taskset CPU list for servers, or null when not pinned
 * @param generatorCpus the CPU list this process was pinned to, or null
 * @param description   what was done, or why it could not be, for the manifest
 */
public record Pinning(String serverCpus, String generatorCpus, String description) {

    public boolean pinned() {
        return serverCpus != null;
    }

    /**
     * This pinning when the server is an external target: the generator stays where it was pinned, the CPUs
     * kept for servers pin nothing, and the description says where the target should run to stay apart.
     */
    public Pinning withExternalServer() {
        return new Pinning(serverCpus, generatorCpus, description + (pinned()
                ? "; the external target runs where it was started (taskset -c " + serverCpus + " keeps it apart "
                        + "from the generator)"
                : "; the external target runs where it was started"));
    }

    /** Decides and applies the pinning of this process; never fails, says why instead. */
    public static Pinning apply(boolean wanted) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!wanted) {
            return new Pinning(null, null, "not pinned: --no-pin");
        }
        if (cpus < 2) {
            return new Pinning(null, null, "not pinned: only " + cpus + " CPU available, server and generator share it");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/taskset")) && !Files.isExecutable(Path.of("/bin/taskset"))) {
            return new Pinning(null, null, "not pinned: taskset not found (Debian package util-linux)");
        }
        int half = cpus / 2;
        String server = half == 1 ? "0" : "0-" + (half - 1);
        String generator = half == cpus - 1 ? Integer.toString(half) : half + "-" + (cpus - 1);
        long pid = ProcessHandle.current().pid();
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-cp", generator, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return new Pinning(null, null, "not pinned: taskset could not pin the generator (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (IOException e) {
            return new Pinning(null, null, "not pinned: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pinning(null, null, "not pinned: interrupted");
        }
        return new Pinning(server, generator, "servers on CPU " + server + ", generator on CPU " + generator
                + " (taskset; " + cpus + " CPUs)");
    }
}
