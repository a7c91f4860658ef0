package netarena.cli.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts and rates as people write them, and back: {@code 10k}, {@code 1.5M}, {@code 2G} (powers of
 * 1000, k or K, M, G), a plain {@code 12000}, {@code 12_000} or {@code 12,000}; a rate may end in
 * {@code /s}. Never negative. A lowercase {@code m} is refused: it reads as milli as often as mega.
 */
public final class Counts {

    private static final Pattern COUNT = Pattern.compile("(\\d[\\d_,]*(?:\\.\\d+)?)([kKMG]?)(/s)?");

    private Counts() {
    }

    /**
     * A rate per second: {@code 1.5M}, {@code 2500.5}, {@code 10k/s}.
     *
     * @throws IllegalArgumentException with the broken rule and an example
     */
    public static double parseRate(String text) {
        return value(text, true).doubleValue();
    }

    /**
     * A whole count: {@code 10k}, {@code 1.5M}, {@code 12000}; {@code 1.5} or {@code 1.2345k} are refused.
     *
     * @throws IllegalArgumentException with the broken rule and an example
     */
    public static long parseCount(String text) {
        BigDecimal v = value(text, false);
        if (v.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (" + v.toPlainString() + ")");
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    private static BigDecimal value(String text, boolean rate) {
        String example = rate ? "e.g. 2500, 10k or 1.5M (per second)" : "e.g. 64, 10k or 1.5M";
        String v = UnitText.nonNegative(text, "write 0 or more, " + example);
        Matcher m = COUNT.matcher(v);
        if (!m.matches() || m.group(3) != null && !rate) {
            String hint = v.endsWith("m") ? " (M is a million; m is refused as it also reads as milli)" : "";
            throw new IllegalArgumentException("'" + text + "' is not a " + (rate ? "rate" : "count") + ": "
                    + example + hint);
        }
        BigDecimal n = new BigDecimal(m.group(1).replace("_", "").replace(",", ""));
        return switch (m.group(2)) {
            case "k", "K" -> n.scaleByPowerOfTen(3);
            case "M" -> n.scaleByPowerOfTen(6);
            case "G" -> n.scaleByPowerOfTen(9);
            default -> n;
        };
    }

    /** {@code n} as {@link #parseCount} reads it back, shortest first: 10000 as 10k, 1500000 as 1.5M, 1234 as 1234. */
    public static String format(double n) {
        if (!Double.isFinite(n)) {
            return String.valueOf(n);
        }
        BigDecimal v = BigDecimal.valueOf(n);
        String[] suffixes = {"G", "M", "k"};
        int[] powers = {9, 6, 3};
        for (int i = 0; i < suffixes.length; i++) {
            BigDecimal scaled = v.scaleByPowerOfTen(-powers[i]);
            if (scaled.abs().compareTo(BigDecimal.ONE) >= 0 && scaled.stripTrailingZeros().scale() <= 2) {
                return scaled.stripTrailingZeros().toPlainString() + suffixes[i];
            }
        }
        return v.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
