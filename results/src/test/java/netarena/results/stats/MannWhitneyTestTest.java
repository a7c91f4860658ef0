package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class MannWhitneyTestTest {

    @Test
    void matchesTheMannWhitneyTableForFourAgainstFour() {
        // Mann & Whitney (1947), Ann. Math. Statist. 18(1), Table I, n = m = 4: P(U <= u) for
        // u = 0..4 is 1/70, 2/70, 4/70, 7/70, 12/70 (0.014, 0.029, 0.057, 0.100, 0.171).
        double[] y = {10, 20, 30, 40};
        double[][] xWithU = {
            {1, 2, 3, 4},        // U = 0
            {1, 2, 3, 15},       // U = 1
            {1, 2, 3, 25},       // U = 2
            {1, 2, 3, 35},       // U = 3
            {1, 2, 3, 45},       // U = 4 (one of the five ways)
        };
        double[] oneSided = {1 / 70.0, 2 / 70.0, 4 / 70.0, 7 / 70.0, 12 / 70.0};
        for (int u = 0; u < oneSided.length; u++) {
            assertEquals(u, MannWhitneyTest.uStatistic(xWithU[u], y), 0.0);
            assertEquals(2 * oneSided[u], MannWhitneyTest.twoSidedP(xWithU[u], y), 1e-12, "U = " + u);
        }
    }

    @Test
    void reproducesTheWilcoxTestExampleOfHollanderAndWolfe() {
        // Hollander & Wolfe (1973), Nonparametric Statistical Methods, pp. 69f: permeability
        // constants of the human chorioamnion, the example of R's ?wilcox.test.
        // R: wilcox.test(x, y, alternative = "greater") gives W = 35, p-value = 0.1272;
        // the two-sided p-value is twice that, 0.2544.
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        assertEquals(35, MannWhitneyTest.uStatistic(x, y), 0.0);
        assertEquals(0.2544, MannWhitneyTest.twoSidedP(x, y), 5e-5);
    }

    @Test
    void smallestPossiblePValueFollowsTheCountOfArrangements() {
        assertEquals(0.1, MannWhitneyTest.smallestTwoSidedP(3, 3), 1e-15);
        assertEquals(2 / 252.0, MannWhitneyTest.smallestTwoSidedP(5, 5), 1e-15);
        assertEquals(2 / 184756.0, MannWhitneyTest.smallestTwoSidedP(10, 10), 1e-18);
        assertEquals(2 / 252.0, MannWhitneyTest.twoSidedP(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10}), 1e-15);
        assertEquals(0.1, MannWhitneyTest.twoSidedP(new double[] {3, 2, 1}, new double[] {4, 6, 5}), 1e-15);
    }

    @Test
    void agreesWithHipparchusExactTestWithoutTiesAwayFromTheCentre() {
        // Hipparchus 4.0.2 returns the smallest possible p, 2 / C(n+m, n), when U is exactly n*m/2
        // (e.g. {1,2,7,8} against {3,4,5,6} gives 0.029 instead of 1), so those draws are skipped
        // here and pinned by theCentreOfTheDistributionGivesOne.
        MannWhitneyUTest hipparchus = new MannWhitneyUTest();
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(9);
            int m = 2 + random.nextInt(9);
            double[] x = Synthetic.lognormal(random, n, 1.0, 0.1);
            double[] y = Synthetic.lognormal(random, m, 1.0 + random.nextDouble() * 0.2, 0.1);
            if (MannWhitneyTest.uStatistic(x, y) == n * m / 2.0) {
                continue;
            }
            assertEquals(hipparchus.mannWhitneyUTest(x, y, true), MannWhitneyTest.twoSidedP(x, y), 1e-12,
                    java.util.Arrays.toString(x) + " vs " + java.util.Arrays.toString(y));
        }
    }

    @Test
    void countsTheExactConditionalDistributionWithTies() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + random.nextInt(5);
            int m = 2 + random.nextInt(5);
            double[] x = new double[n];
            double[] y = new double[m];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(4);
            }
            for (int j = 0; j < m; j++) {
                y[j] = random.nextInt(5);
            }
            assertEquals(bruteForceTwoSided(x, y), MannWhitneyTest.twoSidedP(x, y), 1e-12);
        }
    }

    @Test
    void theCentreOfTheDistributionGivesOne() {
        assertEquals(1.0, MannWhitneyTest.twoSidedP(new double[] {1, 2, 7, 8}, new double[] {3, 4, 5, 6}), 0.0);
        assertEquals(1.0, MannWhitneyTest.twoSidedP(new double[] {1, 2, 6, 7}, new double[] {3, 4, 5}), 0.0);
    }

    @Test
    void identicalSamplesGiveOne() {
        assertEquals(1.0, MannWhitneyTest.twoSidedP(new double[] {48, 48, 48}, new double[] {48, 48, 48}), 0.0);
        double[] big = new double[40];
        java.util.Arrays.fill(big, 7);
        assertEquals(1.0, MannWhitneyTest.twoSidedP(big, big), 0.0);
    }

    @Test
    void largeSamplesUseTheNormalApproximationWithTieCorrection() {
        // Both sides have continuity correction and the tie-corrected variance; Hipparchus'
        // approximation is the same textbook formula.
        MannWhitneyUTest hipparchus = new MannWhitneyUTest();
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[30];
            double[] y = new double[35];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextInt(20);
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = random.nextInt(22);
            }
            assertEquals(hipparchus.mannWhitneyUTest(x, y, false), MannWhitneyTest.twoSidedP(x, y), 1e-9);
        }
    }

    @Test
    void rejectsEmptySamplesAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitneyTest.twoSidedP(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> MannWhitneyTest.twoSidedP(new double[] {Double.NaN}, new double[] {1}));
    }

    /** Enumerates every way to choose which pooled values are x's: the definition of the exact test. */
    private static double bruteForceTwoSided(double[] x, double[] y) {
        int n = x.length;
        int total = n + y.length;
        double[] pooled = new double[total];
        System.arraycopy(x, 0, pooled, 0, n);
        System.arraycopy(y, 0, pooled, n, y.length);
        double observed = uOf(pooled, (1 << n) - 1);
        int all = 0;
        int lower = 0;
        int upper = 0;
        for (int mask = 0; mask < 1 << total; mask++) {
            if (Integer.bitCount(mask) != n) {
                continue;
            }
            double u = uOf(pooled, mask);
            all++;
            if (u <= observed + 1e-9) {
                lower++;
            }
            if (u >= observed - 1e-9) {
                upper++;
            }
        }
        return Math.min(1.0, 2.0 * Math.min(lower, upper) / all);
    }

    private static double uOf(double[] pooled, int mask) {
        double u = 0;
        for (int i = 0; i < pooled.length; i++) {
            for (int j = 0; j < pooled.length; j++) {
                if ((mask >> i & 1) == 1 && (mask >> j & 1) == 0) {
                    u += pooled[i] > pooled[j] ? 1 : pooled[i] == pooled[j] ? 0.5 : 0;
                }
            }
        }
        return u;
    }
}
