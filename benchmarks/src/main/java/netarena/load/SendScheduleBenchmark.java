package netarena.load;

import java.util.concurrent.TimeUnit;
import netarena.bench.BenchmarkDefaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The open-loop schedule's cost per intended send time: what pacing adds per request. Constant spacing
 * is integer arithmetic (a few ns); Poisson draws an exponential gap (a log, tens of ns).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SendScheduleBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SendScheduleBenchmark extends BenchmarkDefaults {

    @Param({"CONSTANT", "POISSON"})
    Arrivals arrivals;

    private SendSchedule schedule;

    @Setup
    public void setUp() {
        schedule = SendSchedule.of(arrivals, 100_000, 64, 3, 42);
    }

    @Benchmark
    public long nextIntendedSendTime() {
        return schedule.next();
    }
}
