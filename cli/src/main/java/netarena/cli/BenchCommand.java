package netarena.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netarena.experiments.run.BenchManifest;
import netarena.experiments.run.RunsHome;
import netarena.results.report.ReportWriter;
import netarena.results.run.RunFolder;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code netarena bench}: runs the JMH benchmarks of the {@code benchmarks} module and writes
 * {@code jmh.json} into a new run folder, so the report and {@code compare} read JMH results the same
 * way as sweep results. Unknown options go to JMH as they are ({@code -p model=selector}, {@code -prof gc}...).
 */
@Command(name = "bench", description = {
    "Run the JMH benchmarks and write jmh.json into results/runs/<id>-bench/.",
    "Options it does not know go to JMH unchanged, e.g.: netarena bench RoundTrip -p model=selector -prof gc"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the benchmarks ran and jmh.json is written", "1:a benchmark failed",
            "64:usage error (an option neither netarena nor JMH knows; no run folder is left)"})
final class BenchCommand implements Callable<Integer> {

    /**
     * A small selection that finishes in about three minutes on two cores: one short fork each, 64-byte
     * payloads, one I/O thread, two client connections for the round trips (both their modes).
     */
    static final List<String> QUICK = List.of(
            "-f", "1", "-wi", "1", "-w", "1s", "-i", "3", "-r", "1s",
            "-p", "payloadBytes=64", "-p", "ioThreads=1", "-t", "2",
            "CpuWorkBenchmark", "FrameCodecBenchmark", "HttpParseBenchmark", "LatencyRecorderBenchmark",
            "SendScheduleBenchmark", "RoundTripBenchmark.echoRoundTrip");

    @Option(names = "--quick", description = "Run a small selection with short iterations (about two minutes).")
    boolean quick;

    @Option(names = "--out", description = "Run folder to write into. Default: results/runs/<time>-bench.")
    Path out;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(quick ? QUICK : List.of());
        args.addAll(jmhArgs);
        jmhOptions(args);
        Path dir = out != null ? Files.createDirectories(out)
                : RunFolder.create(RunsHome.root(), Instant.now(), "bench").dir();
        args.addAll(List.of("-rf", "json", "-rff", dir.resolve("jmh.json").toString()));
        System.err.println("netarena bench: jmh " + String.join(" ", args));
        Instant started = Instant.now();
        try {
            new Runner(jmhOptions(args)).run();
        } catch (RunnerException e) {
            System.err.println("netarena bench: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        BenchManifest.write(dir, args, started);
        ReportWriter.write(dir);
        System.out.println("wrote " + dir.resolve("jmh.json") + " and " + dir.resolve("report.html"));
        return ExitCodes.OK;
    }

    /** JMH's reading of {@code args}; an option it does not know is a usage error, found before any folder exists. */
    private CommandLineOptions jmhOptions(List<String> args) {
        try {
            return new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new ParameterException(spec.commandLine(), "JMH: " + e.getMessage());
        }
    }
}
