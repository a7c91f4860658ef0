package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The completion script is sourced in a real bash and asked what completes a partial command line. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    private static String script(String shell) {
        CommandLine cl = NetarenaCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("completion", shell));
        return out.toString();
    }

    /** Sources the script in bash, completes {@code words} (the last being partial), returns COMPREPLY. */
    private List<String> complete(String script, String... words) throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash), "no /bin/bash");
        Path file = dir.resolve("netarena-completion.bash");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        String line = String.join(" ", words);
        String probe = "source " + file + "\n"
                + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; "
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_netarena netarena '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder(bash.toString(), "--norc", "--noprofile", "-c", probe)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, p.exitValue(), out);
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void completesSubcommandsInBash() throws Exception {
        List<String> reply = complete(script("bash"), "netarena", "s");
        assertTrue(reply.containsAll(List.of("serve", "sweep")), reply.toString());
        assertTrue(reply.stream().allMatch(s -> s.startsWith("s")), reply.toString());
    }

    @Test
    void completesASubcommandsOptions() throws Exception {
        List<String> reply = complete(script("bash"), "netarena", "serve", "--mo");
        assertTrue(reply.contains("--model"), reply.toString());
    }

    @Test
    void zshGetsTheScriptThatEnablesBashcompinit() {
        String zsh = script("zsh");
        assertTrue(zsh.contains("bashcompinit"), "zsh runs the bash script through bashcompinit");
        assertTrue(zsh.contains("complete -F _complete_netarena"), zsh.substring(0, 200));
    }

    @Test
    void refusesAnUnknownShell() {
        assertEquals(ExitCodes.USAGE, CliRun.of("completion", "fish").code());
    }
}
