package netarena.experiments.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netarena.protocol.WireProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
@Timeout(120)
class ConnectionMemoryTest {

    private static final int STEP = 300;

    @Test
    void findsWhatAServerAllocatesPerConnectionOnTheHeapAndOutside() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process server = new ProcessBuilder(List.of(java, "-Xms128m", "-Xmx128m", "-XX:NativeMemoryTracking=summary",
                "-cp", System.getProperty("java.class.path"), PerConnectionAllocator.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream())).readLine());
            MemorySlope slope = ConnectionMemory.measure(new InetSocketAddress("127.0.0.1", port), server.pid(),
                    WireProtocol.FRAME, STEP);
            assertNull(slope.failure(), slope.toString());
            int heap = PerConnectionAllocator.HEAP_KB;
            int off = PerConnectionAllocator.NATIVE_KB;
            // a connection's own objects (socket, streams) add about a KiB on either side
            assertEquals(heap + 1, slope.heapKbPerConnection(), heap * 0.10, slope.toString());
            assertEquals(off + 1, slope.nativeKbPerConnection(), off * 0.20, slope.toString());
            assertEquals(heap + off, slope.rssKbPerConnection(), (heap + off) * 0.25, slope.toString());
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSlopeIsLeastSquaresOverThePoints() {
        var points = List.of(new MemorySlope.Point(0, 1_000, 500, 100), new MemorySlope.Point(10, 1_100, 520, 130),
                new MemorySlope.Point(20, 1_200, 540, 160));
        MemorySlope s = MemorySlope.of(points);
        assertEquals(10, s.rssKbPerConnection(), 1e-9);
        assertEquals(2, s.heapKbPerConnection(), 1e-9);
        assertEquals(3, s.nativeKbPerConnection(), 1e-9);
    }

    @Test
    void nativeIsUnknownWhenTheServerDoesNotTrackIt() {
        var points = List.of(new MemorySlope.Point(0, 1_000, 500, -1), new MemorySlope.Point(10, 1_100, 520, -1));
        assertEquals(Double.NaN, MemorySlope.of(points).nativeKbPerConnection());
    }
}
