package netarena.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import netarena.experiments.cell.Pinning;
import netarena.results.run.RunFolder;
import picocli.CommandLine.Option;

/**
 * The options of every command that starts server JVMs and drives them with the generator ({@code sweep},
 * {@code ab}, {@code capacity}): where the run is written, CPU pinning, the servers' JVM flags and the
 * generator's event loops. One place, so the three cannot drift apart.
 */
final class RunnerOptions {

    @Option(names = "--out", description = "Root folder for runs. Default: results/runs of this checkout.")
    Path out;

    @Option(names = "--no-pin", description = "Do not pin servers and generator to separate CPUs with taskset.")
    boolean noPin;

    @Option(names = "--server-jvm-flags", defaultValue = "-Xms256m -Xmx1g -XX:+UseG1GC",
            description = "JVM flags of every server process. Default: ${DEFAULT-VALUE}.")
    String serverJvmFlags;

    @Option(names = "--generator-threads", defaultValue = "1",
            description = "Event loops of the load generator. Default: ${DEFAULT-VALUE}.")
    int generatorThreads;

    /** Pins this process and says where the servers go; call after reading the machine, which pinning narrows. */
    Pinning pin() {
        return Pinning.apply(!noPin);
    }

    List<String> serverJvmFlagList() {
        return words(serverJvmFlags);
    }

    /** A new run folder of this {@code kind} under {@code --out}, or under results/runs of this checkout. */
    RunFolder newRun(String kind) throws IOException {
        return RunFolder.create(out != null ? out : RunsHome.root(), Instant.now(), kind);
    }

    /** A command-line string split on white space, as a shell would without quotes. */
    static List<String> words(String args) {
        return Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
