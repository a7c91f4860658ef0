package netarena.experiments.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import netarena.results.run.Manifest;

/** Reads the facts about this machine and JVM that a reader of a run's figures needs. */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    public static Manifest.Environment environment() {
        return new Manifest.Environment(
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                firstLine(List.of("uname", "-r")),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                totalMemoryBytes());
    }

    /** The git commit of the checkout, with {@code -dirty} when it has uncommitted changes; "unknown" outside git. */
    public static String gitCommit() {
        String home = System.getenv("NETARENA_HOME");
        String dir = home == null ? "." : home;
        String commit = firstLine(List.of("git", "-C", dir, "rev-parse", "HEAD"));
        if (commit.equals("unknown")) {
            return commit;
        }
        String dirty = firstLine(List.of("git", "-C", dir, "status", "--porcelain", "--untracked-files=no"));
        return dirty.equals("unknown") || dirty.isEmpty() ? commit : commit + "-dirty";
    }

    /** The JVM-wide settings of this process that change results. */
    public static Map<String, String> knobs() {
        Map<String, String> knobs = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("sun.nio.ch.") || key.startsWith("jdk.virtualThreadScheduler.")
                    || key.startsWith("io.netty.")) {
                knobs.put(key, v.toString());
            }
        });
        knobs.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList().toString());
        return knobs;
    }

    public static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        return -1;
    }

    private static String firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            int nl = out.indexOf('\n');
            return nl < 0 ? out : out.substring(0, nl);
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
