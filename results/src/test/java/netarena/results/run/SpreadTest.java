package netarena.results.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        assertEquals(new Spread(20, 10, 90), Spread.of(90, 10, 20));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertEquals(new Spread(25, 10, 90), Spread.of(30, 90, 10, 20));
    }

    @Test
    void singleValueIsItsOwnSpread() {
        assertEquals(new Spread(7.5, 7.5, 7.5), Spread.of(7.5));
    }

    @Test
    void leavesOutNaNAndTheMinusOneOfUnknownCounts() {
        assertEquals(new Spread(15, 10, 20), Spread.of(Double.NaN, 10, -1, 20));
    }

    @Test
    void noKnownValueIsUnknown() {
        Spread s = Spread.of(Double.NaN, -1);
        assertFalse(s.known());
        assertEquals(Spread.UNKNOWN, s);
        assertEquals(Spread.UNKNOWN, Spread.of());
    }

    @Test
    void relativeWidthIsRangeOverMedian() {
        assertEquals(0.2, Spread.of(90, 100, 110).relativeWidth(), 1e-12);
        assertTrue(Double.isNaN(Spread.UNKNOWN.relativeWidth()));
    }
}
