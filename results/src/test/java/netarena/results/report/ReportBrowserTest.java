package netarena.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import netarena.results.run.RunFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the synthetic report in headless Chromium: every chart and table is laid out with a real
 * size, the browser logs no console message and loads nothing from the network, and a screenshot
 * shows more than a blank page. {@code mvn verify -Pinterop}; skipped without /usr/bin/chromium.
 */
@Tag("interop")
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path root;

    static Path report;

    @BeforeAll
    static void writeReport() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless browser test skipped: no " + CHROMIUM + " (apt-get install chromium)");
        RunFolder run = SyntheticRun.create(root.resolve("runs"));
        report = ReportWriter.write(run.dir()).html();
    }

    /** Runs Chromium headless on {@code page}; returns stdout, stderr in {@code errors}. */
    private static String chromium(Path page, List<String> extra, List<String> errors) throws Exception {
        Path profile = Files.createTempDirectory(root, "profile");
        Path out = root.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = root.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(extra);
        command.add(page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        errors.addAll(Files.readAllLines(err, StandardCharsets.UTF_8));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Console messages (the page has no script, so any is a fault) and loads that failed or left the file. */
    private static List<String> pageErrors(List<String> stderr) {
        return stderr.stream()
                .filter(l -> l.contains(":CONSOLE") || l.contains("net::ERR_") || l.contains("Failed to load")
                        || l.contains("Refused to") || l.contains("Not allowed to load"))
                .toList();
    }

    @Test
    void rendersEveryChartAndTableWithARealSize() throws Exception {
        // a copy of the report with a probe that runs once the page has loaded: it opens the folded
        // tables, measures every chart and table, and lists what the page fetched (it must fetch nothing)
        String probe = """
                <script>
                window.addEventListener('load', () => {
                  document.querySelectorAll('details').forEach(d => d.open = true);
                  const sized = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
                  const charts = [...document.querySelectorAll('svg.chart')];
                  const tables = [...document.querySelectorAll('table')];
                  const big = charts.filter(s => { const r = s.getBoundingClientRect();
                      return r.width >= 300 && r.height >= 150 && s.querySelectorAll('path').length > 10; });
                  const loads = performance.getEntriesByType('resource').map(r => r.name);
                  const out = document.createElement('pre');
                  out.id = 'probe';
                  out.textContent = 'loads=' + loads.length + ' charts=' + charts.length + ' drawn=' + big.length
                      + ' tables=' + tables.length + ' shown=' + tables.filter(sized).length
                      + ' ids=' + charts.map(s => s.id).join(',');
                  document.body.appendChild(out);
                });
                </script>
                """;
        Path probed = report.resolveSibling("probe.html");
        Files.writeString(probed, Files.readString(report).replace("</body>", probe + "</body>"));
        List<String> stderr = new ArrayList<>();
        String dom = chromium(probed, List.of("--dump-dom", "--virtual-time-budget=5000"), stderr);

        Matcher m = Pattern.compile("loads=(\\d+) charts=(\\d+) drawn=(\\d+) tables=(\\d+) shown=(\\d+) "
                + "ids=([\\w,-]*)").matcher(dom);
        assertTrue(m.find(), "the probe ran; stderr: " + String.join("\n", stderr));
        int charts = SyntheticRun.CHART_IDS.size();
        assertEquals(0, Integer.parseInt(m.group(1)), "resources the page loaded (fonts, images, styles)");
        assertEquals(charts, Integer.parseInt(m.group(2)), "charts in the page");
        assertEquals(charts, Integer.parseInt(m.group(3)), "charts laid out at least 300x150 px with their paths");
        assertEquals(3 + charts + 2, Integer.parseInt(m.group(4)), "tables in the page");
        assertEquals(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), "every table laid out");
        assertEquals(SyntheticRun.CHART_IDS, List.of(m.group(6).split(",")));
        assertEquals(List.of(), pageErrors(stderr));
    }

    @Test
    void logsNoErrorAndScreenshotsMoreThanABlankPage() throws Exception {
        Path png = root.resolve("report.png");
        List<String> stderr = new ArrayList<>();
        chromium(report, List.of("--screenshot=" + png, "--window-size=1400,4000"), stderr);
        assertEquals(List.of(), pageErrors(stderr));
        assertTrue(Files.size(png) > 50_000, "screenshot of " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colors.add(image.getRGB(x, y));
            }
        }
        assertTrue(colors.size() > 50, "a page of text and charts has many colors, found " + colors.size());
        Path keep = Path.of(System.getProperty("java.io.tmpdir"), "netarena-report.png");
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
