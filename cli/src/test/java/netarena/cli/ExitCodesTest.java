package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netarena.load.LoadResult;
import netarena.results.compare.RunComparison;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** One exit-code scheme across commands (docs/CLI.md); a usage error is one line and where the help is. */
class ExitCodesTest {

    /** Every subcommand but help, with the arguments it requires, so only the bogus option is wrong. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("models"),
            List.of("serve", "--model", "selector"),
            List.of("load", "--target", "127.0.0.1:7000"),
            List.of("sweep"),
            List.of("report", "/tmp"),
            List.of("compare", "/tmp", "/tmp"),
            List.of("ab", "--baseline", "/tmp"),
            List.of("capacity", "--model", "selector", "--slo", "p99<=5ms"),
            List.of("merge", "/tmp", "--out", "/tmp/x"),
            List.of("cluster"),
            List.of("completion", "bash"));

    @Test
    void theCodesAreTheGeneratorsAndTheComparisons() {
        assertEquals(LoadResult.EXIT_OK, ExitCodes.OK);
        assertEquals(RunComparison.EXIT_NO_REGRESSION, ExitCodes.OK);
        assertEquals(RunComparison.EXIT_REGRESSION, ExitCodes.FAILED);
        assertEquals(LoadResult.EXIT_INVALID, ExitCodes.UNDECIDED);
        assertEquals(RunComparison.EXIT_UNDECIDED, ExitCodes.UNDECIDED);
        assertEquals(LoadResult.EXIT_CONNECT_FAILED, ExitCodes.CONNECT_FAILED);
    }

    @Test
    void anUnknownOptionIsOneLineAndWhereTheHelpIsExit64OnEveryCommand() {
        assertEquals(COMMANDS.size() + 2, new CommandLine(new NetarenaCommand()).getSubcommands().size(),
                "every subcommand but help and bench (whose unknown options go to JMH) is listed here");
        for (List<String> command : COMMANDS) {
            List<String> args = new java.util.ArrayList<>(command);
            args.add(1, "--bogus");
            CliRun o = CliRun.of(args);
            String name = command.get(0);
            assertEquals(ExitCodes.USAGE, o.code(), name + ": " + o.err());
            assertTrue(o.err().startsWith("netarena " + name + ": Unknown option: '--bogus'"), o.err());
            assertTrue(o.err().contains("see `netarena help " + name + "`"), o.err());
            assertFalse(o.err().contains("Usage:"), "no whole help under the line that matters: " + o.err());
            assertTrue(o.err().lines().count() <= 4, o.err());
            assertEquals("", o.out(), name);
        }
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        CliRun o = CliRun.of(List.of("load", "--target", "127.0.0.1:7000", "--conections", "4"));
        assertEquals(ExitCodes.USAGE, o.code());
        assertTrue(o.err().contains("--connections"), o.err());
    }

    @Test
    void aBadValueAndAMissingArgumentAreUsageErrorsToo() {
        CliRun o = CliRun.of(List.of("compare", "/tmp"));
        assertEquals(ExitCodes.USAGE, o.code(), o.err());
        assertTrue(o.err().contains("CURRENT"), o.err());
        o = CliRun.of(List.of("serve", "--model", "selector", "--port", "seven"));
        assertEquals(ExitCodes.USAGE, o.code(), o.err());
        assertTrue(o.err().contains("'seven'"), o.err());
        o = CliRun.of(List.of("ab", "--baseline", "/tmp", "--calibrate", "--quick", "--plan", "/tmp/p.yaml"));
        assertEquals(ExitCodes.USAGE, o.code(), o.err());
        assertTrue(o.err().contains("exclusive"), o.err());
        o = CliRun.of(List.of("--bogus"));
        assertEquals(ExitCodes.USAGE, o.code(), o.err());
        assertTrue(o.err().contains("see `netarena help`"), o.err());
    }
}
