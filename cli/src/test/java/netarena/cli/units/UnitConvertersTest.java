package netarena.cli.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The converters inside picocli: registered by type, named on an option, and their error lines. */
class UnitConvertersTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--duration") Duration duration;
        @Option(names = "--connections") int connections;
        @Option(names = "--requests") long requests;
        @Option(names = "--rate") double rate;
        @Option(names = "--max-frame", converter = UnitConverters.IntSize.class) int maxFrame;
        @Option(names = "--budget", converter = UnitConverters.Size.class) long budget;

        @Override
        public void run() {
        }
    }

    private static Probe parse(String... args) {
        Probe p = new Probe();
        UnitConverters.register(new CommandLine(p)).parseArgs(args);
        return p;
    }

    /** Runs the probe with {@code args}, its error lines going to {@code err}; the exit code. */
    private static int execute(StringWriter err, String... args) {
        CommandLine cl = UnitConverters.register(new CommandLine(new Probe()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void everyTypedOptionTakesSuffixes() {
        Probe p = parse("--duration", "1m30s", "--connections", "10k", "--requests", "1.5M", "--rate", "2.5k",
                "--max-frame", "64KiB", "--budget", "1MB");
        assertEquals(Duration.ofSeconds(90), p.duration);
        assertEquals(10_000, p.connections);
        assertEquals(1_500_000L, p.requests);
        assertEquals(2_500.0, p.rate);
        assertEquals(65_536, p.maxFrame);
        assertEquals(1_000_000L, p.budget);
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionAndTheRule() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "--duration", "-5s"));
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.startsWith("Invalid value for option '--duration': '-5s' is negative"), first);
    }

    @Test
    void intOptionsRefuseWhatDoesNotFit() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(err, "--connections", "3G"));
        assertTrue(err.toString().contains("'3G' is too large: at most 2147483647"), err.toString());
        assertEquals(2, execute(err, "--max-frame", "4GiB"));
        assertTrue(err.toString().contains("'4GiB' is too large"), err.toString());
    }
}
