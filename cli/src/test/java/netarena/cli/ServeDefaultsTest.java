package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import netarena.server.ServerConfig;
import netarena.server.ServerDefaults;
import netarena.server.WorkerPoolKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code serve}'s safe defaults, checked without opening a socket anywhere but loopback: it binds loopback
 * unless told otherwise, warns for any other address, and every resource limit has a default.
 */
class ServeDefaultsTest {

    private static ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    @Test
    void bindsLoopbackUnlessToldOtherwise() {
        assertEquals("127.0.0.1", parse("--model", "selector").bind);
        assertEquals("127.0.0.1", ServerConfig.defaults().bind().host());
    }

    @Test
    void warnsForEveryAddressButLoopback() throws Exception {
        assertNull(ServeCommand.exposureWarning(InetAddress.getByName("127.0.0.1")));
        assertNull(ServeCommand.exposureWarning(InetAddress.getByName("::1")));
        for (String exposed : new String[] {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1"}) {
            String warning = ServeCommand.exposureWarning(InetAddress.getByName(exposed));
            assertNotNull(warning, exposed);
            assertTrue(warning.contains("not a loopback address"), warning);
        }
    }

    @Test
    void everyLimitHasADefault() {
        ServeCommand serve = parse("--model", "selector");
        assertEquals(10_000, serve.maxConnections);
        assertEquals(1 << 20, serve.maxFrame);
        assertEquals(1 << 20, serve.maxPending);
        assertEquals(1024, serve.maxPipelined);
        assertEquals(4096, serve.workerQueue);
        assertEquals(1024, serve.backlog);
        assertEquals(Duration.ofSeconds(60), serve.idleTimeout);
        assertEquals(Duration.ofSeconds(10), serve.headerTimeout);
        assertEquals(Duration.ofSeconds(5), serve.grace);
        ServerConfig config = ServerConfig.defaults();
        assertEquals(Runtime.getRuntime().maxMemory() / 4, config.limits().bufferedBytes());
        assertEquals(serve.maxConnections, config.limits().connections());
        assertEquals(serve.idleTimeout, config.timeouts().idle());
        assertEquals(serve.headerTimeout, config.timeouts().header());
    }

    /** serve's defaults are the server's own: given only a model, the options make the default config. */
    @Test
    void withOnlyAModelTheOptionsMakeTheDefaultConfig() {
        assertEquals(ServerConfig.defaults(), parse("--model", "selector").config());
    }

    @Test
    void theWorkerPoolOptionsMakeTheConfigsPool() {
        ServerConfig config = parse("--model", "selector", "--workers", "4", "--worker-pool", "elastic",
                "--worker-pool-max", "16", "--worker-keep-alive", "2s").config();
        assertEquals(new ServerConfig.WorkerPool(WorkerPoolKind.ELASTIC, 16, Duration.ofSeconds(2)),
                config.threads().pool());
        assertEquals(WorkerPoolKind.WORK_STEALING,
                parse("--model", "selector", "--worker-pool", "work-stealing").config().threads().pool().kind());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> parse("--model", "selector", "--worker-pool", "cached").config());
        assertTrue(unknown.getMessage().contains("expected one of fixed, elastic, work-stealing, virtual"),
                unknown.getMessage());
    }

    @Test
    void theHelpShowsEveryDefaultAndNamesWhatEachOptionTakes() {
        StringWriter help = new StringWriter();
        CommandLine serve = new CommandLine(new ServeCommand());
        serve.usage(new PrintWriter(help));
        String text = help.toString();
        for (CommandLine.Model.OptionSpec option : serve.getCommandSpec().options()) {
            assertTrue(option.paramLabel().matches("<[a-z]+>") || option.arity().max() == 0,
                    option.longestName() + " takes " + option.paramLabel() + ", not a word");
        }
        assertTrue(text.contains("--workers=<n>"), text);
        assertTrue(text.contains("--max-pending=<bytes>"), text);
        assertTrue(text.contains("--idle-timeout=<duration>"), text);
        assertTrue(text.contains("Default: " + ServerDefaults.WORKER_QUEUE + "."), text);
        assertTrue(text.contains("Default: 1m."), "idle timeout's default as written: " + text);
        assertTrue(text.contains("--worker-pool=<kind>"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("with the same bounds. Default: fixed."), text);
        assertTrue(text.replaceAll("\\s+", " ").contains(
                "(see --run-work-on-io-threads). Default: " + ServerDefaults.WORKERS + "."), "--workers' default: " + text);
        assertFalse(text.contains("${DEFAULT-VALUE}") || text.contains("Default: null"), text);
    }
}
