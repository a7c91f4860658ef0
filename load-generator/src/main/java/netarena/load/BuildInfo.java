package netarena.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The netarena version and git commit this code was built from, written into {@code build.properties} by Maven
 * (git-commit-id-maven-plugin's HEAD, 12 hex digits) so every result can say what made it. Read once; immutable.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the commit, or {@code unknown} when the build was not made from a git checkout
 */
public record BuildInfo(String version, String commit) {

    private static final BuildInfo CURRENT = load();

    /** What this code was built from. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** {@code netarena 0.1.0-SNAPSHOT (commit 0ef85ee1a2b3)}. */
    public String describe() {
        return "netarena " + version + " (commit " + commit + ")";
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read netarena's build.properties", e);
        }
        return new BuildInfo(known(p.getProperty("version")), known(p.getProperty("commit")));
    }

    /** A value Maven did not fill (a build from an IDE, say) is unknown, not a placeholder. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
