package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** Values with suffixes on the real commands, as {@link NetarenaCommand#main} parses them. */
class OptionUnitsTest {

    private static Object command(String... args) {
        ParseResult parsed = NetarenaCommand.commandLine().parseArgs(args);
        return parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void loadTakesRatesDurationsAndSizesWithSuffixes() {
        LoadCommand load = (LoadCommand) command("load", "--target", "127.0.0.1:9", "--rate", "10k", "--duration",
                "1m30s", "--warmup", "1.5s", "--size", "1KiB", "--connections", "1k", "--max-lag", "500us");
        assertEquals(10_000L, load.rate);
        assertEquals(Duration.ofSeconds(90), load.bound.duration);
        assertEquals(Duration.ofMillis(1_500), load.warmup);
        assertEquals(1_024, load.size);
        assertEquals(1_000, load.connections);
    }

    @Test
    void serveTakesSizes() {
        ServeCommand serve = (ServeCommand) command("serve", "--model", "selector", "--max-frame", "64KiB",
                "--max-pending", "1MB", "--max-buffered", "1GiB", "--idle-timeout", "1m30s");
        assertEquals(65_536, serve.maxFrame);
        assertEquals(1_000_000, serve.maxPending);
        assertEquals(1L << 30, serve.maxBuffered);
    }

    @Test
    void aNegativeDurationIsOneClearLine() {
        CliRun r = CliRun.of("load", "--target", "127.0.0.1:9", "--duration", "-5s");
        assertTrue(r.code() != 0, "refused");
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains("'-5s' is negative: a duration is 0 or more"), r.err());
        assertTrue(!r.err().contains("PT-5S"), r.err());
    }
}
