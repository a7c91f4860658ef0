package netarena.cli.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in bytes as people write them, and back: {@code 64KiB}, {@code 1MiB}, {@code 2GiB} (powers of
 * 1024), {@code 64KB}, {@code 1MB} (powers of 1000), {@code 64k}, {@code 16m} (a single letter is binary,
 * as in dd and -Xmx), {@code 512B} or a plain {@code 512}. Never negative, always whole bytes.
 */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(\\d[\\d_]*(?:\\.\\d+)?)\\s*([a-zA-Z]*)");
    private static final String EXAMPLES = "e.g. 512, 64KiB, 1MiB or 1MB";

    private Sizes() {
    }

    /**
     * @throws IllegalArgumentException with the broken rule and an example
     */
    public static long parse(String text) {
        String v = UnitText.nonNegative(text, "a size is 0 bytes or more, " + EXAMPLES);
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: " + EXAMPLES);
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + m.group(2)
                    + "': B, KiB, MiB, GiB (1024), KB, MB, GB (1000)");
        };
        BigDecimal bytes = new BigDecimal(m.group(1).replace("_", "")).multiply(BigDecimal.valueOf(unit));
        if (bytes.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes");
        }
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    /**
     * {@code bytes} as {@link #parse} reads it back, in the largest unit it is a whole multiple of (binary
     * before decimal), else a half multiple of: 65536 as 64KiB, 64000 as 64KB, 1536 as 1.5KiB, 100 as 100B.
     */
    public static String format(long bytes) {
        String[] binary = {"GiB", "MiB", "KiB"};
        String[] decimal = {"GB", "MB", "KB"};
        for (int half = 1; half <= 2; half++) {
            for (int i = 0; i < 3; i++) {
                long b = 1L << (10 * (3 - i));
                long d = (long) Math.pow(1000, 3 - i);
                if (Math.abs(bytes) >= b && bytes * half % b == 0) {
                    return Durations.decimal(bytes, b) + binary[i];
                }
                if (half == 1 && Math.abs(bytes) >= d && bytes % d == 0) {
                    return Durations.decimal(bytes, d) + decimal[i];
                }
            }
        }
        return bytes + "B";
    }
}
