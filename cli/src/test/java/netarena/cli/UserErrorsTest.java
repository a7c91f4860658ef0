package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user can cause are one line with the documented exit code (docs/CLI.md), never a stack trace, and
 * leave nothing half-written.
 */
@Timeout(60)
class UserErrorsTest {

    @Test
    void serveOnAPortInUseIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CommandOutcome o = CommandOutcome.run("serve", "--model", "selector", "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCodes.UNDECIDED, o.code(), o.err());
            o.isOneLine("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            assertEquals("", o.out(), "no 'listening on' line");
        }
    }

    @Test
    void benchWithAnOptionJmhDoesNotKnowIsAUsageErrorAndLeavesNoFolder(@TempDir Path tmp) {
        Path runDir = tmp.resolve("bench-run");
        CommandOutcome o = CommandOutcome.run("bench", "--out", runDir.toString(), "--bogus-jmh-opt");
        assertEquals(ExitCodes.USAGE, o.code(), o.err());
        assertTrue(o.err().startsWith("netarena bench: JMH: "), o.err());
        assertTrue(o.err().contains("bogus-jmh-opt"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(Files.exists(runDir), "no empty run folder left behind");
    }

    @Test
    void reportOnAFolderThatIsNotARunWritesNothingAndExits2(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not a run");
        CommandOutcome o = CommandOutcome.run("report", tmp.toString());
        assertEquals(ExitCodes.UNDECIDED, o.code(), o.err());
        o.isOneLine("is not a run folder");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("notes.txt")), files.toList(), "nothing written");
        }
    }

    @Test
    void loadAgainstNothingIsTheOneLineThatMattersAndExit3() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CommandOutcome o = CommandOutcome.run("load", "--target", "127.0.0.1:" + port, "--quiet");
        assertEquals(ExitCodes.CONNECT_FAILED, o.code(), o.err());
        o.isOneLine("netarena load: could not connect: established 0 of 1 connections to 127.0.0.1:" + port);
        assertTrue(o.err().strip().endsWith("Connection refused"), o.err());
        assertEquals("", o.out(), "no all-zero latency table");
    }

    @Test
    void clusterRunWithoutAKubernetesApiIsOneLineAndExit3(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        List<String> keys = List.of("kubernetes.master", "kubernetes.auth.tryKubeConfig",
                "kubernetes.auth.tryServiceAccount", "kubernetes.request.retry.backoffLimit");
        List<String> values = List.of("https://127.0.0.1:" + closed, "false", "false", "0");
        for (int i = 0; i < keys.size(); i++) {
            System.setProperty(keys.get(i), values.get(i));
        }
        try {
            CommandOutcome o = CommandOutcome.run("cluster", "run", "--agents", "2", "--namespace", "t", "--out",
                    dir.resolve("out").toString(), "--", "--target", "127.0.0.1:7000", "--connections", "2");
            assertEquals(ExitCodes.CONNECT_FAILED, o.code(), o.err());
            o.isOneLine("the Kubernetes API at https://127.0.0.1:" + closed + "/ refused or did not answer");
        } finally {
            keys.forEach(System::clearProperty);
        }
    }
}
