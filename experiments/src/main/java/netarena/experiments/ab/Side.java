package netarena.experiments.ab;

/** Which build an A/B measurement serves from. */
public enum Side {
    /** A: the baseline build. */
    BASELINE("baseline"),
    /** B: the candidate build (in a calibration, the baseline again). */
    CANDIDATE("candidate");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Side other() {
        return this == BASELINE ? CANDIDATE : BASELINE;
    }
}
