package netarena.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.experiments.launch.LaunchedServer;
import netarena.experiments.launch.ServerLauncher;

/** Where the suite runs, the repository it writes into, and the server JVMs it starts. */
final class Machine {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*? used (\\d+)K");

    private Machine() {
    }

    /** e.g. "2 CPUs (AMD EPYC ...), Linux 6.18, Java 25.0.3, load average 3.1". */
    static String describe() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")").orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU count says enough
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs" + cpu + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + Runtime.version() + String.format(", load average %.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The repository root: the first directory up from here holding both {@code pom.xml} and {@code results/}. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("results"))
                    && Files.isDirectory(p.resolve("cli"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml, results/, cli/) above " + Path.of("").toAbsolutePath());
    }

    /** The open-file limit of this JVM, or -1 when it cannot tell. */
    static long maxOpenFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getMaxFileDescriptorCount() : -1;
    }

    /** Descriptors this JVM has open now, or -1. */
    static long openFiles() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
                ? u.getOpenFileDescriptorCount() : -1;
    }

    /** Lines of a /proc file, or empty when it cannot be read (the process is gone, or not Linux). */
    static List<String> proc(long pid, String file) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** A numeric field of /proc/PID/status ("VmRSS", "Threads"), in its unit (kB for sizes), or -1. */
    static long procStatus(long pid, String field) {
        for (String line : proc(pid, "status")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }

    /**
     * Starts {@code netarena serve SERVE_ARGS} in a new JVM from this test class path with {@code jvmFlags}, its
     * stderr in a temp file; {@code maxOpenFiles} above 0 runs it under {@code ulimit -n} of that many.
     */
    static LaunchedServer serve(List<String> jvmFlags, int maxOpenFiles, List<String> serveArgs) throws IOException {
        Path log = Files.createTempFile("netarena-server-", ".log");
        log.toFile().deleteOnExit();
        return ServerLauncher.ofClassPath(System.getProperty("java.class.path")).withJvmFlags(jvmFlags)
                .withMaxOpenFiles(maxOpenFiles).start(serveArgs, log);
    }

    /**
     * Heap in use right after a full collection of {@code pid}, in KiB: {@code jcmd PID GC.run} then
     * {@code GC.heap_info} (G1's "garbage-first heap total ..., used ...K" line); -1 when jcmd cannot say.
     */
    static long heapAfterFullGcKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String jcmd(long pid, String what) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
