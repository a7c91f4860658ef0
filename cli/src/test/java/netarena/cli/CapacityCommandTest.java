package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of {@code netarena capacity}: refused before any server starts, exit 64, the rule named. */
class CapacityCommandTest {

    private static String refused(String... args) {
        CommandLine cl = NetarenaCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(64, cl.execute(args), err.toString());
        return err.toString();
    }

    @Test
    void refusesAQuestionItCannotAnswer() {
        assertTrue(refused("capacity", "--model", "selector").contains("ask something"));
        assertTrue(refused("capacity", "--model", "selector", "--pool-for-rate", "2000").contains("needs --slo"));
        assertTrue(refused("capacity", "--model", "selector", "--slo", "fast please").contains("p99<=5ms"));
        assertTrue(refused("capacity", "--model", "selector", "--connections", "1,2").contains("3 or more distinct"));
        assertTrue(refused("capacity", "--model", "no-such-model", "--slo", "p99<=5ms").contains("no-such-model"));
        assertTrue(refused("capacity", "--model", "selector", "--slo", "p99<=5ms", "--pool-for-rate", "2000",
                "--worker-pool", "cached").contains("expected one of fixed, elastic, work-stealing, virtual"));
        assertTrue(refused("capacity", "--model", "selector", "--slo", "p99<=5ms", "--start-rate", "0")
                .contains("startRatePerSecond"));
    }
}
