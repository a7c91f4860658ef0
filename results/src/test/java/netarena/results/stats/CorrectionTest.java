package netarena.results.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CorrectionTest {

    // Hand-worked: sorted p = 0.005, 0.01, 0.03, 0.04 with m = 4.
    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmMultipliesByTheRemainingCountAndKeepsOrder() {
        // 4*0.005 = 0.02, 3*0.01 = 0.03, 2*0.03 = 0.06, 1*0.04 = 0.04 -> running max 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Correction.HOLM.adjust(P), 1e-15);
    }

    @Test
    void benjaminiHochbergScalesByRankAndTakesTheRunningMinimumFromTheTop() {
        // 4/1*0.005 = 0.02, 4/2*0.01 = 0.02, 4/3*0.03 = 0.04, 4/4*0.04 = 0.04
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, Correction.BENJAMINI_HOCHBERG.adjust(P), 1e-15);
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        assertArrayEquals(new double[] {1.0, 1.0}, Correction.HOLM.adjust(new double[] {0.6, 0.9}), 0.0);
        assertArrayEquals(new double[] {0.9, 0.9}, Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.6, 0.9}), 1e-15);
    }

    @Test
    void noneReturnsTheRawValues() {
        assertArrayEquals(P, Correction.NONE.adjust(P), 0.0);
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> Correction.HOLM.adjust(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Correction.HOLM.adjust(new double[] {1.5}));
    }
}
