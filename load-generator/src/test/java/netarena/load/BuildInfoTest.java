package netarena.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BuildInfoTest {

    @Test
    void theBuildSaysItsVersionAndTheCommitOfThisCheckout() throws Exception {
        BuildInfo build = BuildInfo.current();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), "a Maven version, was " + build.version());
        String head = gitHead();
        if (head != null) {
            assertEquals(head, build.commit(), "the commit the build was made from");
        } else {
            assertEquals("unknown", build.commit(), "outside a git checkout the commit is unknown");
        }
        assertEquals("netarena " + build.version() + " (commit " + build.commit() + ")", build.describe());
    }

    /** The checkout's commit as git prints it, or null where git or a checkout is missing. */
    private static String gitHead() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
