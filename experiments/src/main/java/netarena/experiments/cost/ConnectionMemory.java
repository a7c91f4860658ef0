package netarena.experiments.cost;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.WireProtocol;

/**
 * Measures {@link MemorySlope}: with the server warm and its load gone, opens idle connections from this
 * process (each touched with one request) in steps of {@code n}, up to {@code 2n}, and at 0, n and 2n
 * runs a full GC in the server and reads its RSS, its live heap and, when it tracks native memory, its
 * committed non-heap memory. Runs on the calling thread; leaves no connection open.
 */
public final class ConnectionMemory {

    /** Idle connections per step: enough that a few KiB each stand well above the RSS's own jitter. */
    public static final int DEFAULT_STEP = 1_000;
    private static final int STEPS = 2;
    private static final long BYTES_PER_KB = 1_024;

    private ConnectionMemory() {
    }

    /** The slope of the server {@code pid} listening on {@code server}; a failure is in the result, never thrown. */
    public static MemorySlope measure(InetSocketAddress server, long pid, WireProtocol protocol, int step) {
        List<MemorySlope.Point> points = new ArrayList<>();
        try (ServerJmx jmx = ServerJmx.attach(pid);
                IdleConnections idle = new IdleConnections(server, protocol)) {
            for (int i = 0; i <= STEPS; i++) {
                idle.growTo(i * step);
                points.add(read(jmx, pid, idle.size()));
            }
            return MemorySlope.of(points);
        } catch (IOException | RuntimeException e) {
            return MemorySlope.failed(e.getMessage(), points);
        }
    }

    private static MemorySlope.Point read(ServerJmx jmx, long pid, int connections) throws IOException {
        jmx.gc();
        long heapKb = jmx.heapUsedBytes() / BYTES_PER_KB;
        String nmt = jmx.nativeMemorySummary();
        ProcStats proc = ProcStats.read(pid);
        if (proc == null) {
            throw new IOException("/proc has no status for the server " + pid);
        }
        return new MemorySlope.Point(connections, proc.rssKb(), heapKb,
                nmt == null ? -1 : NativeMemory.parse(nmt).nonHeapCommittedKb());
    }
}
