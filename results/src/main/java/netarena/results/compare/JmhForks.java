package netarena.results.compare;

import java.util.ArrayList;
import java.util.List;
import netarena.results.jmh.JmhMetric;

/**
 * A JMH metric reduced to one value per fork: the median of that fork's measurement iterations.
 *
 * <p>Why: iterations of one fork share one JIT compilation, one heap layout and one set of inlining
 * decisions, so two forks of the same code can differ by more than the iterations within either.
 * Pooling 2 forks of 5 iterations as 10 independent values makes the rank test see 10 draws where
 * there are 2, and a difference between forks comes out as REGRESSED at p of about 1e-5. One value per
 * fork makes n the fork count, which is what the verdict can honestly rest on: with 2 forks a side
 * nothing can be significant, and {@code compare} says so. The median, not the mean, so one iteration
 * hit by a GC or a neighbour does not move its fork.
 */
final class JmhForks {

    private JmhForks() {
    }

    /**
     * Per fork, the median of its finite, non-negative iteration values; a fork with none is left out.
     * In sample mode JMH keeps histograms instead, and each iteration's value is the mean of its
     * samples (JMH's own score is that mean).
     */
    static double[] forkValues(JmhMetric metric) {
        List<Double> perFork = new ArrayList<>();
        for (List<Double> fork : iterationsByFork(metric)) {
            double[] ok = fork.stream().mapToDouble(Double::doubleValue).filter(v -> Double.isFinite(v) && v >= 0)
                    .sorted().toArray();
            if (ok.length > 0) {
                int half = ok.length / 2;
                perFork.add(ok.length % 2 == 1 ? ok[half] : (ok[half - 1] + ok[half]) / 2);
            }
        }
        return perFork.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<List<Double>> iterationsByFork(JmhMetric metric) {
        if (!metric.rawData().isEmpty()) {
            return metric.rawData();
        }
        List<List<Double>> forks = new ArrayList<>();
        for (List<List<JmhMetric.Bin>> fork : metric.rawDataHistogram()) {
            List<Double> iterations = new ArrayList<>();
            for (List<JmhMetric.Bin> iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JmhMetric.Bin bin : iteration) {
                    sum += bin.value() * bin.count();
                    count += bin.count();
                }
                iterations.add(count == 0 ? Double.NaN : sum / count);
            }
            forks.add(iterations);
        }
        return forks;
    }
}
