package netarena.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.special.Erf;

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test for two independent samples. Pure functions.
 *
 * <p>Up to {@link #EXACT_MAX_TOTAL} values in all, the p-value is exact: the permutation distribution
 * of the rank sum, conditional on the ties actually present (mid-ranks), counted by dynamic
 * programming. Above that, the normal approximation with the tie-corrected variance and a
 * continuity correction of 1/2.
 *
 * <p>Implementation notes: Hipparchus' {@code MannWhitneyUTest} is exact only without ties and
 * falls back to the normal approximation as soon as two values are equal, even for 3 against 3.
 * Benchmark metrics tie often (bytes allocated per op, percentiles quantised by a histogram), so
 * this class counts the conditional distribution itself. Mid-ranks are doubled to keep every rank
 * sum an integer. The two-sided p-value doubles the smaller tail, as tables and R's
 * {@code wilcox.test} do, capped at 1.
 */
public final class MannWhitneyTest {

    /** Pooled sample sizes up to this many values get the exact distribution. */
    public static final int EXACT_MAX_TOTAL = 50;

    private MannWhitneyTest() {
    }

    /** The two-sided p-value for "x and y come from the same distribution"; 1 when every value is tied. */
    public static double twoSidedP(double[] x, double[] y) {
        requireSamples(x, y);
        int n = x.length;
        int m = y.length;
        int[] doubledRanks = doubledMidRanks(x, y);
        long observed = 0;
        for (int i = 0; i < n; i++) {
            observed += doubledRanks[i];
        }
        if (n + m <= EXACT_MAX_TOTAL) {
            return exactTwoSided(doubledRanks, n, observed);
        }
        return normalTwoSided(doubledRanks, n, m, observed);
    }

    /** U for x: the count of pairs with x above y, ties counting 1/2. Between 0 and x.length * y.length. */
    public static double uStatistic(double[] x, double[] y) {
        requireSamples(x, y);
        int[] doubledRanks = doubledMidRanks(x, y);
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += doubledRanks[i];
        }
        return (sum - (long) x.length * (x.length + 1)) / 2.0;
    }

    /**
     * The smallest two-sided p-value the exact test can give for samples of these sizes without
     * ties: {@code 2 / C(n+m, n)}. With 3 and 3 it is 0.1, so no correction can make such a metric
     * significant at 0.05.
     */
    public static double smallestTwoSidedP(int n, int m) {
        double ways = 1;
        for (int i = 1; i <= Math.min(n, m); i++) {
            ways = ways * (n + m - Math.min(n, m) + i) / i;
        }
        return Math.min(1.0, 2.0 / ways);
    }

    private static double exactTwoSided(int[] doubledRanks, int n, long observed) {
        int total = doubledRanks.length;
        int maxSum = 0;
        for (int r : doubledRanks) {
            maxSum += r;
        }
        // ways[k][s]: subsets of k values whose doubled ranks sum to s. Doubles hold C(50,25) exactly.
        double[][] ways = new double[n + 1][maxSum + 1];
        ways[0][0] = 1;
        int reached = 0;
        for (int item = 0; item < total; item++) {
            int r = doubledRanks[item];
            reached += r;
            for (int k = Math.min(n, item + 1); k >= 1; k--) {
                double[] into = ways[k];
                double[] from = ways[k - 1];
                for (int s = reached; s >= r; s--) {
                    into[s] += from[s - r];
                }
            }
        }
        double all = 0;
        double lower = 0;
        double upper = 0;
        for (int s = 0; s <= maxSum; s++) {
            double w = ways[n][s];
            all += w;
            if (s <= observed) {
                lower += w;
            }
            if (s >= observed) {
                upper += w;
            }
        }
        return Math.min(1.0, 2.0 * Math.min(lower, upper) / all);
    }

    private static double normalTwoSided(int[] doubledRanks, int n, int m, long observed) {
        double u = (observed - (double) n * (n + 1)) / 2.0;
        double mean = n * (double) m / 2.0;
        int total = n + m;
        double variance = n * (double) m / 12.0 * ((total + 1) - tieSum(doubledRanks) / ((double) total * (total - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = Math.max(0.0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1.0, Erf.erfc(z / Math.sqrt(2.0)));
    }

    /** Sum over groups of tied values of t^3 - t, t being the group's size. */
    private static double tieSum(int[] doubledRanks) {
        int[] sorted = doubledRanks.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }

    /** Twice the mid-rank of every value, x's first then y's; ranks start at 1. */
    private static int[] doubledMidRanks(double[] x, double[] y) {
        int total = x.length + y.length;
        double[] pooled = new double[total];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        Integer[] order = IntStream.range(0, total).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pooled[i]));
        int[] doubled = new int[total];
        for (int i = 0; i < total; ) {
            int j = i;
            while (j + 1 < total && pooled[order[j + 1]] == pooled[order[i]]) {
                j++;
            }
            // positions i..j hold one tied group: ranks i+1..j+1, mid-rank (i+j+2)/2
            for (int k = i; k <= j; k++) {
                doubled[order[k]] = i + j + 2;
            }
            i = j + 1;
        }
        return doubled;
    }

    private static void requireSamples(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("Mann-Whitney needs at least one value per sample, got "
                    + x.length + " and " + y.length);
        }
        for (double[] sample : new double[][] {x, y}) {
            for (double v : sample) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("Mann-Whitney samples must not hold NaN");
                }
            }
        }
    }
}
