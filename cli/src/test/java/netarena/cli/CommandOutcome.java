package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One {@code netarena} command run in this JVM as {@link NetarenaCommand#main} runs it, its exit code and what it
 * printed. The commands print to System.out/err, so both are captured (not thread-safe: one run at a time).
 *
 * @param err picocli's error stream, then System.err
 */
record CommandOutcome(int code, String out, String err) {

    static CommandOutcome run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            CommandLine cl = NetarenaCommand.commandLine();
            cl.setErr(new PrintWriter(picocliErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CommandOutcome(code, out.toString(StandardCharsets.UTF_8),
                picocliErr + err.toString(StandardCharsets.UTF_8));
    }

    /** Asserts that stderr is one line holding {@code expected}, without a stack trace. */
    void isOneLine(String expected) {
        assertTrue(err.contains(expected), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
    }
}
