package netarena.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import netarena.experiments.run.RunnerSettings;
import netarena.experiments.sut.ExternalTarget;
import picocli.CommandLine.Option;

/**
 * The options of every command that starts server JVMs and drives them with the generator ({@code sweep},
 * {@code ab}, {@code capacity}): where the run is written, CPU pinning, the servers' JVM flags and the
 * generator's event loops; with {@link TargetOptions} the first two drive an external target instead. One place, so the three cannot drift apart; they produce one {@link RunnerSettings}.
 */
final class RunnerOptions {

    @Option(names = "--out", description = "Root folder for runs. Default: results/runs of this checkout.")
    Path out;

    @Option(names = "--no-pin", description = "Do not pin servers and generator to separate CPUs with taskset.")
    boolean noPin;

    @Option(names = "--server-jvm-flags", defaultValue = "-Xms256m -Xmx1g -XX:+UseG1GC",
            description = "JVM flags of every server process netarena launches. Default: ${DEFAULT-VALUE}.")
    String serverJvmFlags;

    @Option(names = "--generator-threads", defaultValue = "1",
            description = "Event loops of the load generator. Default: ${DEFAULT-VALUE}.")
    int generatorThreads;

    /** @param target the server to measure instead of launching them, or null; it takes no server JVM flags */
    RunnerSettings settings(ExternalTarget target) {
        return new RunnerSettings(out, !noPin, target == null ? words(serverJvmFlags) : List.of(), generatorThreads,
                target);
    }

    /** A command-line string split on white space, as a shell would without quotes. */
    static List<String> words(String args) {
        return Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
