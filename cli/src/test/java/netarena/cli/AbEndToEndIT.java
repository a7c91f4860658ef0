package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netarena ab} end to end on loopback, servers started from the packaged jar (an integration
 * test: failsafe runs it in {@code verify}, after {@code package}). One cell, 8 repetitions a side of
 * 1 s: 8 pairs, the fewest with which the exact signed-rank test can be significant over 5 metrics. The candidate burns 200 us of CPU per request,
 * more than ten times what an echo costs, so the regression is unmistakable; the threshold is 25% so that
 * the A/A run's verdict does not depend on how noisy the machine is today. Nothing here asserts a speed.
 */
@Timeout(600)
class AbEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = """
            name: e2e
            models: [selector]
            protocol: frame
            ioThreads: [1]
            connections: [16]
            workloads:
              - {op: echo, sizeBytes: 64, arg: 0}
            warmupSeconds: 0.5
            durationSeconds: 1
            repeat: 8
            seed: 7
            """;

    private static Path jar;

    @BeforeAll
    static void findJar() throws Exception {
        Path testClasses = Path.of(AbEndToEndIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jar = testClasses.getParent().resolve("netarena.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + ": run mvn verify");
    }

    private static int ab(Path out, String... extra) throws Exception {
        Path plan = Files.writeString(Files.createDirectories(out).resolve("plan.yaml"), PLAN);
        List<String> args = new java.util.ArrayList<>(List.of("ab", "--baseline", jar.toString(), "--plan",
                plan.toString(), "--no-pin", "--threshold", "25%", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args).code();
    }

    /** verdict.json of the one ab (or calibrate) folder under {@code out}. */
    private static JsonNode verdict(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            Path file = files.filter(p -> p.endsWith(Path.of("compare", "verdict.json"))).findFirst().orElseThrow();
            return JSON.readTree(file.toFile());
        }
    }

    /** A generator that could not keep up measured itself, not the servers: skip rather than fail. */
    private static void assumeGeneratorKeptUp(JsonNode verdict) {
        for (JsonNode cell : verdict.get("not_compared")) {
            Assumptions.assumeFalse(cell.get("baseline_status").asText().equals("INVALID")
                    || cell.get("current_status").asText().equals("INVALID"),
                    "the generator was invalid on this machine: " + cell);
        }
        // 8 pairs over 5 metrics reach significance only when every pair agrees: one dropped pair decides nothing
        Assumptions.assumeTrue(verdict.get("dropped_repetitions").isEmpty(),
                "the generator was invalid in a repetition on this machine: " + verdict.get("dropped_repetitions"));
    }

    @Test
    void aCandidateBurning200MicrosPerRequestIsARegression(@TempDir Path out) throws Exception {
        int code = ab(out, "--candidate", jar.toString(), "--candidate-server-args", "--test-cost-micros 200");
        JsonNode verdict = verdict(out);
        assumeGeneratorKeptUp(verdict);
        assertEquals(1, code, verdict.toPrettyString());
        assertEquals("REGRESSED", verdict.get("outcome").asText());
        boolean cpuRegressed = false;
        for (JsonNode m : verdict.get("metrics")) {
            if (m.get("metric").asText().equals("cpu per request")) {
                cpuRegressed = m.get("verdict").asText().equals("REGRESSED");
                assertTrue(m.get("current").asDouble() - m.get("baseline").asDouble() > 100,
                        "the 200 us burn shows in CPU per request: " + m);
            }
        }
        assertTrue(cpuRegressed, verdict.toPrettyString());
        assertTrue(verdict.get("metrics").get(0).get("paired").asBoolean(), "ab analyses the pairs it measured");
        assertEquals(8, verdict.at("/repetitions/fewest_per_side").asInt());
    }

    @Test
    void theSameJarAgainstItselfIsNotARegressionAndCalibrates(@TempDir Path out) throws Exception {
        int code = ab(out, "--calibrate");
        JsonNode verdict = verdict(out);
        assumeGeneratorKeptUp(verdict);
        assertNotEquals(1, code, verdict.toPrettyString());
        assertNotEquals("REGRESSED", verdict.get("outcome").asText());
        Path calibration;
        try (Stream<Path> files = Files.walk(out)) {
            calibration = files.filter(p -> p.getFileName().toString().equals("calibration.json")).findFirst()
                    .orElseThrow();
        }
        JsonNode cal = JSON.readTree(calibration.toFile());
        assertEquals(8, cal.get("repetitions_per_side").asInt());
        assertEquals(5, cal.get("cells").size(), "five metrics of the one cell");
        for (JsonNode cell : cal.get("cells")) {
            assertTrue(cell.get("log_sd").asDouble() >= 0, cell.toString());
        }
    }
}
