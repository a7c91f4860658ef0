package netarena.cli;

import java.io.IOException;
import netarena.results.run.RunFolder;

/** What every sweep does at the end: stamp the manifest and write the report. */
final class SweepFinish {

    private SweepFinish() {
    }

    static void finish(RunFolder run) throws IOException {
        var m = run.readManifest();
        run.writeManifest(new netarena.results.run.Manifest(m.runId(), m.kind(), m.command(), m.startedAt(),
                java.time.Instant.now().toString(), m.gitCommit(), m.plan(), m.environment(), m.pinning(),
                m.serverJvmFlags(), m.generatorJvmFlags(), m.knobs()));
        netarena.results.report.ReportWriter.write(run.dir());
    }
}
