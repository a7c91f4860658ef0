package netarena.experiments.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBuildTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aJarIsTakenAsItIsAndNamedByItsDigest(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "not really a jar");
        ServerBuild b = ServerBuild.resolve(jar, List.of("--test-cost-micros", "200"), QUIET);
        assertEquals(jar.toAbsolutePath(), b.jar());
        assertTrue(b.description().startsWith("jar " + jar.toAbsolutePath() + ", jar sha256 "), b.description());
        assertEquals(List.of("--test-cost-micros", "200"), b.serverArgs());
    }

    @Test
    void aCheckoutServesFromItsBuiltJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve(ServerBuild.JAR_IN_CHECKOUT);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        ServerBuild b = ServerBuild.resolve(dir, List.of(), QUIET);
        assertEquals(jar.toAbsolutePath(), b.jar());
        assertTrue(b.description().startsWith("checkout " + dir.toAbsolutePath()), b.description());
    }

    @Test
    void somethingElseIsRefusedWithTheRule(@TempDir Path dir) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ServerBuild.resolve(dir.resolve("nope"), List.of(), QUIET));
        assertTrue(missing.getMessage().contains("neither a netarena jar nor a checkout"), missing.getMessage());
        IllegalArgumentException notACheckout = assertThrows(IllegalArgumentException.class,
                () -> ServerBuild.resolve(dir, List.of(), QUIET));
        assertTrue(notACheckout.getMessage().contains("no ./netarena launcher"), notACheckout.getMessage());
    }
}
