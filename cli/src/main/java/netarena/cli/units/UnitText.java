package netarena.cli.units;

/** What every unit parser does first with what a person typed. Pure. */
final class UnitText {

    private UnitText() {
    }

    /**
     * {@code text} without surrounding white space ({@code null} reads as empty).
     *
     * @param rule what a value of this kind must be, e.g. {@code "a size is 0 bytes or more, e.g. 64KiB"}
     * @throws IllegalArgumentException {@code "'-5s' is negative: " + rule} when it starts with a minus
     */
    static String nonNegative(String text, String rule) {
        String v = text == null ? "" : text.strip();
        if (v.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative: " + rule);
        }
        return v;
    }
}
