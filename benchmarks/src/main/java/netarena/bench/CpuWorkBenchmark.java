package netarena.bench;

import java.util.concurrent.TimeUnit;
import netarena.protocol.RequestWork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What one unit of the CPU op costs on this machine, so that "cpu 10 us" in a plan means what it says:
 * the score is nanoseconds per unit (expect about 1 ns: one multiply-add with a dependency chain).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar CpuWorkBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CpuWorkBenchmark extends BenchmarkDefaults {

    private static final int UNITS = 10_000;

    /** Varies the seed so the JIT cannot fold the loop into a constant. */
    @Param("12345")
    long seed;

    private long next;

    @Benchmark
    @OperationsPerInvocation(UNITS)
    public long nanosPerUnit() {
        return RequestWork.cpu(seed + next++, UNITS);
    }
}
