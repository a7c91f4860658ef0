package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the command line prints when asked for help or given a bad input. picocli passes every help text
 * through {@code String.format}: a bare {@code %} ("5% or 0.05") makes it
 * give up on that text, print it raw and warn on stderr at every {@code --help}. The help of every
 * subcommand must render without a warning.
 */
class HelpTextTest {

    @Test
    void everySubcommandsHelpRendersWithoutAWarning() {
        CommandLine root = new CommandLine(new NetarenaCommand());
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> rendered = new ArrayList<>();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine command : commands) {
                rendered.add(command.getUsageMessage());
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "write a literal % as %% in help texts");
        for (String help : rendered) {
            assertFalse(help.contains("%%"), help);
        }
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsageAndExitZero() {
        for (String name : new CommandLine(new NetarenaCommand()).getSubcommands().keySet()) {
            CommandLine cl = new CommandLine(new NetarenaCommand());
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setOut(new java.io.PrintWriter(out));
            cl.setErr(new java.io.PrintWriter(err));
            assertEquals(0, cl.execute(name, "--help"), name + " --help: " + err);
            assertTrue(out.toString().contains("Usage: netarena " + name), name + " --help printed: " + out);
        }
    }

    @Test
    void aPlanThatCannotBeReadIsOneLineAndAUsageExitNotAStackTrace() {
        CommandLine cl = NetarenaCommand.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(2, cl.execute("sweep", "--plan", "/no/such/plan.yaml"), err.toString());
        assertTrue(err.toString().startsWith("netarena sweep: cannot read plan /no/such/plan.yaml"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
