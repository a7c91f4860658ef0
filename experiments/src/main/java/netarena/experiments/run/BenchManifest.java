package netarena.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import netarena.results.run.Manifest;

/** The manifest of a {@code bench} run: what ran and on what machine. */
public final class BenchManifest {

    private BenchManifest() {
    }

    public static void write(Path dir, List<String> jmhArgs, Instant startedAt) throws IOException {
        Manifest manifest = new Manifest(dir.getFileName().toString(), "bench", "netarena bench " + String.join(" ", jmhArgs),
                startedAt.toString(), Instant.now().toString(), EnvironmentProbe.gitCommit(), Map.of("jmhArgs", jmhArgs),
                EnvironmentProbe.environment(), "none: JMH runs client and server in one forked JVM",
                List.of("-Xms512m", "-Xmx512m"), EnvironmentProbe.jvmFlags(), EnvironmentProbe.knobs());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("manifest.json").toFile(),
                manifest);
    }
}
