package netarena.cli.units;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** How the unit tests check a refusal: the parse throws, and its message names the broken rule. */
final class Refusals {

    private Refusals() {
    }

    /** Fails unless {@code parse} throws IllegalArgumentException whose message contains {@code rule}. */
    static void assertRefused(Executable parse, String rule) {
        String message = assertThrows(IllegalArgumentException.class, parse).getMessage();
        assertTrue(message.contains(rule), message);
    }
}
