package netarena.experiments.sut;

import java.io.IOException;
import java.nio.file.Path;
import netarena.results.run.CellKey;

/**
 * The server an experiment measures: a netarena server JVM launched for each cell or question
 * ({@link LaunchedServers}), or a server someone else runs at a fixed address ({@link ExternalTarget}), the
 * user's own. The sweep's cell measurement and the capacity runner see only this; what differs is what can
 * be read of the server's process (nothing, for a target). Immutable; {@link #start} is called on the
 * experiment's thread.
 */
public sealed interface ServerUnderTest permits LaunchedServers, ExternalTarget {

    /**
     * The server for {@code cell}, ready to be loaded, its files (log, command) written into {@code dir}: a fresh
     * JVM serving the cell's model, io-threads, workers and protocol, or the target as it is. Closing the
     * returned run stops what was started.
     */
    ServerRun start(CellKey cell, Path dir) throws IOException;
}
