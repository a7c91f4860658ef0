package netarena.experiments.launch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a netarena server JVM is started:
 * {@code [ip netns exec NS] [taskset -c CPUS] [ulimit -n N] JAVA FLAGS ENTRY serve ARGS},
 * where ENTRY is {@code -jar netarena.jar} (sweep, ab, capacity) or a class path and the command line's main
 * class (the fault suite, from its test class path). The only place a server process is started; what it
 * starts is a {@link LaunchedServer}. Immutable; {@link #start} may be called from any thread.
 *
 * @param javaBinary   the java binary of the server JVM
 * @param entry        what follows the JVM flags up to {@code serve}: {@code -jar JAR}, or {@code -cp CP MAIN}
 * @param jvmFlags     the server JVM's flags
 * @param cpuList      the {@code taskset} CPU list the server is pinned to, or null when not pinned
 * @param maxOpenFiles the server's {@code ulimit -n}, or 0 to inherit this process's limit
 * @param netns        the network namespace ({@code ip netns}) the JVM runs in, or null for this process's
 */
public record ServerLauncher(Path javaBinary, List<String> entry, List<String> jvmFlags, String cpuList,
        int maxOpenFiles, String netns) {

    /** The line's main class, for a server started from a class path. */
    public static final String MAIN_CLASS = "netarena.cli.NetarenaCommand";

    public ServerLauncher {
        entry = List.copyOf(entry);
        jvmFlags = List.copyOf(jvmFlags);
        if (maxOpenFiles < 0) {
            throw new IllegalArgumentException("maxOpenFiles must be 0 (inherit) or more, got " + maxOpenFiles);
        }
    }

    /** Serves from {@code jar} with this process's java binary, unpinned, no JVM flags. */
    public static ServerLauncher ofJar(Path jar) {
        return new ServerLauncher(runningJava(), List.of("-jar", jar.toString()), List.of(), null, 0, null);
    }

    /** Serves from the jar this class was loaded from: netarena.jar, when the command line runs from it. */
    public static ServerLauncher ofThisJar() {
        try {
            return ofJar(Path.of(ServerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the jar of this class has no file path", e);
        }
    }

    /** Serves from {@code classPath} (e.g. a test's), running {@link #MAIN_CLASS} with native access as the jar grants it. */
    public static ServerLauncher ofClassPath(String classPath) {
        return new ServerLauncher(runningJava(), List.of("--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                MAIN_CLASS), List.of(), null, 0, null);
    }

    /** The same launcher serving from another jar (one side of an A/B run). */
    public ServerLauncher withJar(Path jar) {
        return new ServerLauncher(javaBinary, List.of("-jar", jar.toString()), jvmFlags, cpuList, maxOpenFiles, netns);
    }

    public ServerLauncher withJvmFlags(List<String> flags) {
        return new ServerLauncher(javaBinary, entry, flags, cpuList, maxOpenFiles, netns);
    }

    /** @param cpus a {@code taskset} CPU list, e.g. {@code 0} or {@code 0-1}; null for no pinning */
    public ServerLauncher pinnedTo(String cpus) {
        return new ServerLauncher(javaBinary, entry, jvmFlags, cpus, maxOpenFiles, netns);
    }

    public ServerLauncher withMaxOpenFiles(int limit) {
        return new ServerLauncher(javaBinary, entry, jvmFlags, cpuList, limit, netns);
    }

    /** The same launcher running its JVM in network namespace {@code ns} (root only); null for this one's. */
    public ServerLauncher inNetns(String ns) {
        return new ServerLauncher(javaBinary, entry, jvmFlags, cpuList, maxOpenFiles, ns);
    }

    /** The whole command that starts {@code netarena serve SERVE_ARGS}; for the run folder and for tests. */
    public List<String> command(List<String> serveArgs) {
        return command("serve", serveArgs);
    }

    /**
     * The whole command that starts {@code netarena SUBCOMMAND ARGS} the way a server is started: local load
     * agents ({@code load}) start through here too, so every netarena JVM this suite starts runs alike.
     */
    public List<String> command(String subcommand, List<String> args) {
        List<String> command = new ArrayList<>();
        if (netns != null) {
            command.addAll(List.of("ip", "netns", "exec", netns));
        }
        if (cpuList != null) {
            command.addAll(List.of("taskset", "-c", cpuList));
        }
        if (maxOpenFiles > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -n " + maxOpenFiles + " && exec \"$@\"", "bash"));
        }
        command.add(javaBinary.toString());
        command.addAll(jvmFlags);
        command.addAll(entry);
        command.add(subcommand);
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code netarena serve SERVE_ARGS}, its stderr appended to {@code log}, and returns once it has
     * said where it listens. Fails, the process killed, when it does not within
     * {@link LaunchedServer#START_TIMEOUT_SECONDS}; the message ends with its log.
     */
    public LaunchedServer start(List<String> serveArgs, Path log) throws IOException {
        Process process = new ProcessBuilder(command(serveArgs))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new LaunchedServer(process, ListeningLine.await(process, LaunchedServer.START_TIMEOUT_SECONDS,
                () -> logFor(log)), log);
    }

    /** The java binary running this process, so a server runs on the same JDK as its generator. */
    private static Path runningJava() {
        return Path.of(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
    }

    private static String logFor(Path log) {
        try {
            return "its log " + log + ":\n" + Files.readString(log);
        } catch (IOException e) {
            return "its log " + log + " is unreadable: " + e.getMessage();
        }
    }
}
