package netarena.load;

import java.util.concurrent.TimeUnit;
import netarena.bench.BenchmarkDefaults;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What recording one latency costs the load generator's event loop: the HdrHistogram recorder it uses,
 * written by one thread (as each event loop does). Expect a few nanoseconds; if it were hundreds, the
 * generator would measure itself. (In package {@code netarena.load} to reach the package-private
 * {@link LatencyRecorder} the generator really uses.)
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar LatencyRecorderBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LatencyRecorderBenchmark extends BenchmarkDefaults {

    private SingleWriterRecorder recorder;
    private long nanos;

    @Setup
    public void setUp() {
        recorder = LatencyRecorder.newRecorder();
    }

    @Benchmark
    public void recordOneLatency() {
        // spread over the range a run sees (1 us to ~1 s) so the histogram's buckets are exercised
        nanos = (nanos * 6364136223846793005L + 1442695040888963407L);
        LatencyRecorder.record(recorder, 1_000L + ((nanos >>> 34) & 0x3FFF_FFFFL));
    }
}
