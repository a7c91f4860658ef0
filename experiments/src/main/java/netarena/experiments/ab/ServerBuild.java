package netarena.experiments.ab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One side's build of the servers: a netarena jar, given as the jar itself or as a checkout whose
 * {@code cli/target/netarena.jar} is built once with {@code ./netarena build} when missing.
 *
 * @param jar         the jar every server of this side runs from
 * @param description where it came from, for the manifest: the path, the checkout's commit, the jar's SHA-256
 * @param serverArgs  extra arguments of {@code netarena serve} on this side, e.g. {@code --test-cost-micros 200}
 */
public record ServerBuild(Path jar, String description, List<String> serverArgs) {

    static final Path JAR_IN_CHECKOUT = Path.of("cli", "target", "netarena.jar");
    private static final long BUILD_TIMEOUT_MINUTES = 30;

    public ServerBuild {
        serverArgs = List.copyOf(serverArgs);
    }

    /**
     * Resolves {@code given}: a jar file, or a directory holding {@code cli/target/netarena.jar} (built
     * with its own {@code ./netarena build} first when missing). Fails with the rule broken in the message.
     */
    public static ServerBuild resolve(Path given, List<String> serverArgs, PrintStream progress) throws IOException {
        Path jar;
        String origin;
        if (Files.isRegularFile(given)) {
            jar = given.toAbsolutePath();
            origin = "jar " + jar;
        } else if (Files.isDirectory(given)) {
            Path checkout = given.toAbsolutePath();
            jar = checkout.resolve(JAR_IN_CHECKOUT);
            if (!Files.isRegularFile(jar)) {
                build(checkout, progress);
            }
            origin = "checkout " + checkout + " at " + gitCommit(checkout);
        } else {
            throw new IllegalArgumentException(given + " is neither a netarena jar nor a checkout directory");
        }
        return new ServerBuild(jar, origin + ", jar sha256 " + sha256(jar).substring(0, 16), serverArgs);
    }

    private static void build(Path checkout, PrintStream progress) throws IOException {
        Path launcher = checkout.resolve("netarena");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalArgumentException(checkout + " has no " + JAR_IN_CHECKOUT + " and no ./netarena launcher "
                    + "to build it: give a netarena jar or a netarena checkout");
        }
        progress.println("netarena ab: building " + checkout + " (./netarena build; once)");
        Process p = new ProcessBuilder(launcher.toString(), "build").directory(checkout.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!p.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("building " + checkout + " took more than " + BUILD_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while building " + checkout);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(checkout.resolve(JAR_IN_CHECKOUT))) {
            throw new IOException("./netarena build in " + checkout + " failed (exit " + p.exitValue() + ") or made no "
                    + JAR_IN_CHECKOUT);
        }
    }

    private static String gitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "an unknown commit";
        } catch (IOException e) {
            return "an unknown commit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an unknown commit";
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
