package netarena.cli.units;

import static netarena.cli.units.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"10k; 10000", "10K; 10000", "1.5M; 1500000", "2G; 2000000000",
        "12000; 12000", "12_000; 12000", "12,000; 12000", "0; 0", "1.2345M; 1234500"})
    void readsCounts(String text, long n) {
        assertEquals(n, Counts.parseCount(text));
    }

    @ParameterizedTest
    @CsvSource({"2500.5, 2500.5", "10k/s, 10000", "1.5M, 1500000", "0.5, 0.5", "1.25k, 1250"})
    void readsRates(String text, double n) {
        assertEquals(n, Counts.parseRate(text), 1e-9);
    }

    @Test
    void refusesNegativesFractionsAndLowercaseM() {
        assertRefused(() -> Counts.parseCount("-3"), "is negative");
        assertEquals("'1.5' is not a whole number (1.5)",
                assertThrows(IllegalArgumentException.class, () -> Counts.parseCount("1.5")).getMessage());
        assertRefused(() -> Counts.parseCount("1.2345k"), "not a whole number");
        assertRefused(() -> Counts.parseRate("5m"), "M is a million");
        assertRefused(() -> Counts.parseCount("10k/s"), "not a count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "ten", "10kk", "1e5", "10 k", "99999999999G"})
    void refusesWhatIsNotACount(String text) {
        assertThrows(IllegalArgumentException.class, () -> Counts.parseCount(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10k", "1.5M", "2G", "1234", "250", "2.5k", "0"})
    void echoesTheShortForm(String text) {
        assertEquals(text, Counts.format(Counts.parseCount(text)));
    }

    @Test
    void formatsRatesWithTheirFraction() {
        assertEquals("2500.5", Counts.format(2500.5));
        assertEquals("1.25k", Counts.format(1250));
        assertEquals("1234567", Counts.format(1_234_567), "no rounding: a figure echoed is the figure used");
    }
}
