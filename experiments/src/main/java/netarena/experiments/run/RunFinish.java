package netarena.experiments.run;

import java.io.IOException;
import java.time.Instant;
import netarena.results.report.ReportWriter;
import netarena.results.run.Manifest;
import netarena.results.run.RunFolder;

/** What every run does at its end: stamp the manifest's finish time, then write the report. */
public final class RunFinish {

    private RunFinish() {
    }

    /** Stamps the finish time into the manifest of {@code run}. */
    public static void stamp(RunFolder run) throws IOException {
        Manifest m = run.readManifest();
        run.writeManifest(new Manifest(m.runId(), m.kind(), m.command(), m.startedAt(), Instant.now().toString(),
                m.gitCommit(), m.plan(), m.environment(), m.pinning(), m.serverJvmFlags(), m.generatorJvmFlags(),
                m.knobs()));
    }

    /** Stamps the manifest and writes report.html and summary.md. */
    public static void finish(RunFolder run) throws IOException {
        stamp(run);
        ReportWriter.write(run.dir());
    }
}
