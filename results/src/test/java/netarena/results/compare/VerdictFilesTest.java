package netarena.results.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import netarena.results.run.CellStatus;
import netarena.results.stats.ComparisonConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every output file of one comparison, parsed back: a regression, an improvement, an unchanged metric, a failed cell. */
class VerdictFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private RunComparison comparison;
    private VerdictFiles.Written written;

    @BeforeEach
    void compare() throws Exception {
        SyntheticRuns base = SyntheticRuns.create(root, "base")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE)
                .ok(SyntheticRuns.OPEN, 8, SyntheticRuns.BASE);
        SyntheticRuns cur = SyntheticRuns.create(root, "cur")
                .ok(SyntheticRuns.SELECTOR, 8, SyntheticRuns.BASE.times(1, 1, 1.3, 1, 0.75))
                .ok(SyntheticRuns.ASYNC, 8, SyntheticRuns.BASE)
                .notOk(SyntheticRuns.ASYNC, 9, CellStatus.INVALID, "generator fell behind")
                .ok(SyntheticRuns.OPEN, 1, SyntheticRuns.BASE)
                .notOk(SyntheticRuns.OPEN, 2, CellStatus.INVALID, "generator fell behind")
                .notOk(SyntheticRuns.OPEN, 3, CellStatus.INVALID, "generator fell behind");
        comparison = new RunComparator(ComparisonConfig.defaults().withResamples(2_000))
                .compare(RunReader.read(base.dir()), RunReader.read(cur.dir()));
        written = VerdictFiles.write(comparison, VerdictFiles.defaultDir(comparison));
    }

    @Test
    void writesEveryFileIntoCurrentCompareVsBaseline() {
        assertEquals(comparison.current().dir().resolve("compare-vs-" + comparison.baseline().id()), written.dir());
        for (String name : List.of(VerdictFiles.MARKDOWN, VerdictFiles.HTML, VerdictFiles.VERDICT, VerdictFiles.ACTION_BIGGER,
                VerdictFiles.ACTION_SMALLER, VerdictFiles.BENCHER, VerdictFiles.JUNIT)) {
            assertTrue(Files.isRegularFile(written.dir().resolve(name)), name);
        }
    }

    @Test
    void markdownLeadsWithTheOutcomeAndTheRegression() throws Exception {
        String md = Files.readString(written.dir().resolve(VerdictFiles.MARKDOWN));
        assertEquals(md, written.markdown());
        assertTrue(md.startsWith("### netarena compare: REGRESSED"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| verdict")).toList();
        assertTrue(rows.get(0).startsWith("| **REGRESSED** | " + SyntheticRuns.SELECTOR.id() + " | p99 (us)"), rows.get(0));
        assertTrue(rows.get(0).contains("+30.0%"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| IMPROVED |") && rows.get(1).contains("cpu per request"), rows.get(1));
        assertTrue(md.contains("<details><summary>8 unchanged metrics</summary>"), md);
        assertTrue(md.contains("#### Not compared: invalid or failed"), md);
        assertTrue(md.contains("INVALID: 1 OK, at least 2 needed; reps 2, 3 INVALID: generator fell behind"), md);
        assertTrue(md.contains("#### Compared on their OK repetitions: dropped"), md);
        assertTrue(md.contains("| " + SyntheticRuns.ASYNC.id() + " | current | 8 | rep 9 INVALID: generator fell behind |"), md);
    }

    @Test
    void htmlDrawsEveryMetricWithItsVerdictColorBesideItsUnit() throws Exception {
        String html = Files.readString(written.dir().resolve(VerdictFiles.HTML));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h2>REGRESSED</h2>"), "the outcome leads");
        int metrics = comparison.report().metrics().size();
        assertEquals(metrics, html.split("<circle ", -1).length - 1, "one dot per metric");
        assertTrue(html.contains("fill=\"#c62828\""), "the regressed p99 is drawn red");
        assertTrue(html.contains("fill=\"#2e7d32\""), "the improved CPU per request is drawn green");
        assertTrue(html.contains("p99 (us) \u2193"), "metric, unit and direction side by side");
        assertTrue(html.contains("+30%"), "the selector p99's change, in the table");
        assertTrue(html.contains("Not compared: invalid or failed"));
        assertFalse(html.contains("<script"), "a page without script");
    }

    @Test
    void verdictJsonHoldsEveryMetricAndTheListedCells() throws Exception {
        JsonNode v = JSON.readTree(written.dir().resolve(VerdictFiles.VERDICT).toFile());
        assertEquals(1, v.get("format_version").asInt());
        assertEquals("REGRESSED", v.get("outcome").asText());
        assertEquals(1, v.get("exit_code").asInt());
        assertEquals(0.05, v.at("/config/threshold").asDouble());
        assertEquals("holm", v.at("/config/correction").asText());
        assertEquals(8, v.at("/repetitions/fewest_per_side").asInt());
        assertEquals(1, v.at("/counts/regressed").asInt());
        assertEquals(1, v.at("/counts/improved").asInt());
        assertEquals(8, v.at("/counts/unchanged").asInt());
        JsonNode first = v.get("metrics").get(0);
        assertEquals("REGRESSED", first.get("verdict").asText());
        assertEquals("p99", first.get("metric").asText());
        assertEquals("us", first.get("unit").asText());
        assertEquals("lower_is_better", first.get("direction").asText());
        assertEquals(1.3, first.get("ratio").asDouble(), 0.01);
        assertTrue(first.get("ci_low").asDouble() > 1.05 && first.get("adjusted_p").asDouble() < 0.05, first.toString());
        assertEquals(8, first.get("current_values").size());
        assertEquals(10, v.get("metrics").size());
        JsonNode excluded = v.get("not_compared").get(0);
        assertEquals(SyntheticRuns.OPEN.id(), excluded.get("cell").asText());
        assertEquals("INVALID", excluded.get("current_status").asText());
        assertFalse(excluded.get("counts_as_regression").asBoolean());
        JsonNode dropped = v.get("dropped_repetitions").get(0);
        assertEquals(SyntheticRuns.ASYNC.id(), dropped.get("cell").asText());
        assertEquals(8, dropped.get("kept").asInt());
    }

    @Test
    void githubActionBenchmarkFilesSplitByDirection() throws Exception {
        JsonNode bigger = JSON.readTree(written.dir().resolve(VerdictFiles.ACTION_BIGGER).toFile());
        JsonNode smaller = JSON.readTree(written.dir().resolve(VerdictFiles.ACTION_SMALLER).toFile());
        assertTrue(bigger.isArray() && smaller.isArray());
        assertEquals(2, bigger.size(), "throughput of the two closed-loop cells");
        assertEquals(8, smaller.size(), "p50, p99, p99.9, CPU of two cells");
        for (JsonNode e : List.of(bigger.get(0), smaller.get(0))) {
            assertTrue(e.get("name").isTextual() && e.get("unit").isTextual() && e.get("value").isNumber(), e.toString());
            assertTrue(e.get("range").asText().startsWith("\u00b1 "), e.toString());
            assertTrue(e.get("extra").isTextual(), e.toString());
        }
        assertEquals("req/s", bigger.get(0).get("unit").asText());
        assertTrue(bigger.get(0).get("name").asText().endsWith(" / throughput"));
    }

    @Test
    void bencherFileIsBenchmarkThenMeasureThenValues() throws Exception {
        JsonNode bmf = JSON.readTree(written.dir().resolve(VerdictFiles.BENCHER).toFile());
        JsonNode p99 = bmf.get(SyntheticRuns.SELECTOR.id()).get("p99-us");
        assertEquals(1300, p99.get("value").asDouble(), 1300 * 0.011);
        assertTrue(p99.get("lower_value").asDouble() <= p99.get("value").asDouble());
        assertTrue(p99.get("upper_value").asDouble() >= p99.get("value").asDouble());
        assertEquals(5, bmf.get(SyntheticRuns.SELECTOR.id()).size());
        assertTrue(bmf.get(SyntheticRuns.SELECTOR.id()).has("throughput-req-s"));
        assertFalse(bmf.has(SyntheticRuns.OPEN.id()), "a cell not compared has no figures to track");
    }

    @Test
    void junitHasAFailureForTheRegressionOnlyAndSkipsTheInvalidCell() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(written.dir().resolve(VerdictFiles.JUNIT).toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("11", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failed = (Element) failures.item(0).getParentNode();
        assertEquals(SyntheticRuns.SELECTOR.id(), failed.getAttribute("classname"));
        assertEquals("p99 (us)", failed.getAttribute("name"));
        List<String> skipped = new ArrayList<>();
        NodeList s = doc.getElementsByTagName("skipped");
        for (int i = 0; i < s.getLength(); i++) {
            skipped.add(((Element) s.item(i).getParentNode()).getAttribute("classname"));
        }
        assertEquals(List.of(SyntheticRuns.OPEN.id()), skipped);
    }
}
