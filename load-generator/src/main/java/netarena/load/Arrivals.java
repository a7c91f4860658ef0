package netarena.load;

import java.util.Locale;

/** How the intended send times of an open-loop run are spaced. */
public enum Arrivals {
    /** Evenly: request k of the run is intended at {@code k / rate} seconds. */
    CONSTANT,
    /** A Poisson process: exponential gaps with mean {@code 1 / rate} seconds, from a seeded generator. */
    POISSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Arrivals fromLabel(String label) {
        for (Arrivals a : values()) {
            if (a.label().equals(label.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown arrivals '" + label + "': expected constant or poisson");
    }
}
