package netarena.results.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.special.Erf;

/**
 * Two-sided Wilcoxon signed-rank test for paired differences (here: the log of each pair's ratio
 * current/baseline). Pure functions.
 *
 * <p>Zero differences are dropped (Wilcoxon's convention). Up to {@link #EXACT_MAX_PAIRS} remaining
 * pairs the p-value is exact: every one of the 2^n sign assignments is equally likely under "no
 * change", counted by dynamic programming over the mid-ranks of |d| actually present, so ties are
 * handled exactly. Above that, the normal approximation with the tie-corrected variance.
 *
 * <p>The exact test has a floor: with n pairs no two-sided p is below {@code 2 / 2^n} (n = 5: 0.0625,
 * 8: 0.0078, 12: 0.00049). That floor falls more slowly with n than Mann-Whitney's {@code 2 / C(2n, n)},
 * so at 8 pairs a paired comparison can be significant over at most 6 metrics under Holm, where an
 * unpaired one can over 300: pairing removes drift but needs more pairs in a large family.
 *
 * <p>Implementation notes: mid-ranks are doubled to keep every rank sum an integer, as in
 * {@link MannWhitneyTest}; the two-sided p doubles the smaller tail, capped at 1, as R's
 * {@code wilcox.test(paired = TRUE, exact = TRUE)} does without ties.
 */
public final class WilcoxonSignedRankTest {

    /** Pairs (after dropping zero differences) up to this many get the exact distribution. */
    public static final int EXACT_MAX_PAIRS = 60;

    private WilcoxonSignedRankTest() {
    }

    /** The two-sided p-value for "the differences are symmetric around 0"; 1 when every difference is 0. */
    public static double twoSidedP(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("differences must be finite, got " + d);
            }
            return d != 0;
        }).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1.0;
        }
        int[] doubledRanks = doubledMidRanksOfAbsolute(nonZero);
        long observed = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                observed += doubledRanks[i];
            }
        }
        if (n <= EXACT_MAX_PAIRS) {
            return exactTwoSided(doubledRanks, observed);
        }
        return normalTwoSided(doubledRanks, observed);
    }

    /** The smallest two-sided p-value the exact test can give with {@code pairs} non-zero differences: {@code 2 / 2^pairs}, at most 1. */
    public static double smallestTwoSidedP(int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        }
        return Math.min(1.0, 2.0 / Math.pow(2, pairs));
    }

    /** The fewest pairs whose exact floor times {@code metricsInFamily} is below {@code alpha}. */
    public static int minimumPairs(int metricsInFamily, double alpha) {
        int n = 1;
        while (smallestTwoSidedP(n) * metricsInFamily >= alpha) {
            n++;
        }
        return n;
    }

    private static double exactTwoSided(int[] doubledRanks, long observed) {
        long total = 0;
        for (int r : doubledRanks) {
            total += r;
        }
        // counts[s]: sign assignments whose doubled positive-rank sum is s; doubles, since 2^60 overflows nothing here
        double[] counts = new double[(int) total + 1];
        counts[0] = 1;
        long reach = 0;
        for (int r : doubledRanks) {
            for (long s = reach; s >= 0; s--) {
                if (counts[(int) s] != 0) {
                    counts[(int) (s + r)] += counts[(int) s];
                }
            }
            reach += r;
        }
        double all = Math.pow(2, doubledRanks.length);
        double lower = 0;
        double upper = 0;
        for (int s = 0; s <= total; s++) {
            if (s <= observed) {
                lower += counts[s];
            }
            if (s >= observed) {
                upper += counts[s];
            }
        }
        return Math.min(1.0, 2 * Math.min(lower, upper) / all);
    }

    private static double normalTwoSided(int[] doubledRanks, long observed) {
        double mean = 0;
        double variance = 0;
        for (int r : doubledRanks) {
            mean += r / 2.0;
            variance += (double) r * r / 4.0;
        }
        if (variance == 0) {
            return 1.0;
        }
        double z = Math.abs(observed - mean) / Math.sqrt(variance);
        return Math.min(1.0, Erf.erfc(z / Math.sqrt(2)));
    }

    private static int[] doubledMidRanksOfAbsolute(double[] d) {
        int n = d.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(d[i])));
        int[] doubled = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
                j++;
            }
            int doubledMid = (i + 1) + (j + 1);
            for (int k = i; k <= j; k++) {
                doubled[order[k]] = doubledMid;
            }
            i = j + 1;
        }
        return doubled;
    }
}
