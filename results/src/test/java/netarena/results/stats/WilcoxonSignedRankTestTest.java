package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTestTest {

    @Test
    void matchesRsExactPairedTest() {
        // R: x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
        //    y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
        //    wilcox.test(x, y, paired = TRUE)  ->  V = 40, p-value = 0.03906
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        assertEquals(0.0390625, WilcoxonSignedRankTest.twoSidedP(d), 1e-9);
    }

    @Test
    void allOneSignIsTheFloorTwoOverTwoToTheN() {
        assertEquals(2.0 / 32, WilcoxonSignedRankTest.twoSidedP(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}), 1e-12);
        assertEquals(2.0 / 256, WilcoxonSignedRankTest.twoSidedP(new double[] {-1, -2, -3, -4, -5, -6, -7, -8}), 1e-12);
        assertEquals(2.0 / 256, WilcoxonSignedRankTest.smallestTwoSidedP(8), 1e-15);
    }

    @Test
    void tiedMagnitudesUseMidRanksExactly() {
        // |d| all tied: W+ is 2.5 per positive sign; 4 positive of 4 has probability 1/16, two-sided 1/8
        assertEquals(0.125, WilcoxonSignedRankTest.twoSidedP(new double[] {0.5, 0.5, 0.5, 0.5}), 1e-12);
        // 2 positive, 2 negative of tied magnitudes is the centre: p = 1
        assertEquals(1.0, WilcoxonSignedRankTest.twoSidedP(new double[] {0.5, -0.5, 0.5, -0.5}), 1e-12);
    }

    @Test
    void zerosAreDroppedAndAllZeroIsNoEvidence() {
        assertEquals(1.0, WilcoxonSignedRankTest.twoSidedP(new double[] {0, 0, 0}));
        assertEquals(WilcoxonSignedRankTest.twoSidedP(new double[] {1, 2, 3}),
                WilcoxonSignedRankTest.twoSidedP(new double[] {0, 1, 0, 2, 3}), 1e-15);
    }

    @Test
    void minimumPairsFollowsTheFloor() {
        assertEquals(6, WilcoxonSignedRankTest.minimumPairs(1, 0.05), "2/2^5 = 0.0625 is not below 0.05");
        assertEquals(8, WilcoxonSignedRankTest.minimumPairs(5, 0.05), "2/2^8 * 5 = 0.039");
        assertEquals(12, WilcoxonSignedRankTest.minimumPairs(98, 0.05));
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] d = new double[100];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
        }
        double p = WilcoxonSignedRankTest.twoSidedP(d);
        assertEquals(true, p > 0.5, "alternating signs of growing size are no shift: " + p);
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRankTest.twoSidedP(new double[] {Double.NaN}));
    }
}
