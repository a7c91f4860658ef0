package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the {@code netarena} command line inside the test's JVM, built as {@code main} builds it
 * ({@link NetarenaCommand#commandLine}), with what it wrote to picocli's err and out writers.
 *
 * @param code the exit code {@code main} would exit with
 */
record CliRun(int code, String err, String out) {

    static CliRun of(String... args) {
        CommandLine cl = NetarenaCommand.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        return new CliRun(code, err.toString(), out.toString());
    }

    static CliRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    /** Fails unless {@code args} are a usage error (exit 64) whose message contains {@code rule}. */
    static void assertUsageError(String rule, String... args) {
        CliRun r = of(args);
        assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.err().contains(rule), rule + " in: " + r.err());
    }
}
