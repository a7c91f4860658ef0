package netarena.results.jmh;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One benchmark of a JMH {@code -rf json} file: a benchmark method with one set of parameter values.
 *
 * @param benchmark  the fully qualified method, e.g. {@code netarena.bench.FrameCodecBench.decode}
 * @param mode       JMH's short label: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads    benchmark threads
 * @param forks      forks
 * @param params     the {@code @Param} values, in JMH's order; empty when the benchmark has none
 * @param primary    the primary metric
 * @param secondary  secondary metrics by name, e.g. {@code gc.alloc.rate.norm} (from {@code -prof gc})
 * @param jmhVersion the JMH version that wrote the file, or empty when it does not say
 * @param jdkVersion the JDK the benchmark ran on, or empty
 */
public record JmhResult(String benchmark, String mode, int threads, int forks, Map<String, String> params,
        JmhMetric primary, Map<String, JmhMetric> secondary, String jmhVersion, String jdkVersion) {

    /** The class's simple name and the method, e.g. {@code FrameCodecBench.decode}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The short name with the parameters, e.g. {@code FrameCodecBench.decode [size=64]}. */
    public String label() {
        if (params.isEmpty()) {
            return shortName();
        }
        return shortName() + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
    }

    /**
     * A secondary metric by name. JMH before 1.36 prefixed profiler metrics with a middle dot
     * ({@code ·gc.alloc.rate.norm}); both spellings find it.
     */
    public Optional<JmhMetric> secondary(String name) {
        JmhMetric m = secondary.get(name);
        if (m == null) {
            m = secondary.get("\u00b7" + name);
        }
        return Optional.ofNullable(m);
    }
}
