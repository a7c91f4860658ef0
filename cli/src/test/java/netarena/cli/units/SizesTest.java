package netarena.cli.units;

import static netarena.cli.units.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"64KiB, 65536", "1MiB, 1048576", "2GiB, 2147483648", "64KB, 64000", "64kB, 64000",
        "1MB, 1000000", "1GB, 1000000000", "64k, 65536", "16m, 16777216", "512B, 512", "512, 512",
        "1.5KiB, 1536", "0, 0", "64 KiB, 65536"})
    void readsSizes(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text));
    }

    @Test
    void refusesNegativesFractionsOfAByteAndUnknownUnits() {
        assertRefused(() -> Sizes.parse("-1KiB"), "is negative");
        assertRefused(() -> Sizes.parse("1.5"), "not a whole number of bytes");
        assertRefused(() -> Sizes.parse("3TB"), "unknown unit 'TB'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KiB", "1,024", "big"})
    void refusesWhatIsNotASize(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"64KiB", "1MiB", "2GiB", "64KB", "1MB", "1.5KiB", "100B", "0B"})
    void echoesTheUnitTyped(String text) {
        assertEquals(text, Sizes.format(Sizes.parse(text)));
    }
}
