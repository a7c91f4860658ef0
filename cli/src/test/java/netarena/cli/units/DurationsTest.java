package netarena.cli.units;

import static netarena.cli.units.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "1m30s, 90000000000", "1.5s, 1500000000", "500us, 500000", "500\u00b5s, 500000", "250ms, 250000000",
        "2h, 7200000000000", "1h2m3.5s, 3723500000000", "20ns, 20", "0, 0", "0s, 0", "1d, 86400000000000",
        "PT1M30S, 90000000000", "pt0.25s, 250000000", " 5s , 5000000000", "1.25ms, 1250000", "0.5us, 500"})
    void readsTheFormsPeopleWrite(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), Durations.parse(text));
    }

    @Test
    void refusesANegativeDurationSayingSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
        assertTrue(e.getMessage().startsWith("'-5s' is negative: a duration is 0 or more"), e.getMessage());
        assertRefused(() -> Durations.parse("PT-5S"), "negative");
    }

    @Test
    void aNumberWithoutAUnitIsSecondsAsWrkReadsIt() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
        assertEquals(Duration.ofMillis(1_500), Durations.parse("1.5"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5x", "1m30", "1.s", "5 s", "1.5.5s", "0.5ns", "PTX", "9999999d"})
    void refusesWhatIsNotADurationWithAnExample(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m30s", "1.5s", "500us", "250ms", "2h", "1h30m", "20ns", "10s", "1h0m5s", "2m0.5s"})
    void echoesInTheUnitsTyped(String text) {
        String echoed = Durations.format(Durations.parse(text));
        assertEquals(Durations.parse(text), Durations.parse(echoed), "round trip");
        if (!text.contains("0m") && !text.contains("m0")) {
            assertEquals(text, echoed);
        }
    }

    @Test
    void formatsZeroAndLongForms() {
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1h5s", Durations.format(Duration.ofSeconds(3605)));
        assertEquals("1.5s", Durations.format(Duration.ofMillis(1500)));
    }
}
