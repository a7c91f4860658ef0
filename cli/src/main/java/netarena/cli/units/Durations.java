package netarena.cli.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line, and back: {@code 1m30s}, {@code 1.5s}, {@code 250ms},
 * {@code 500us} (or {@code 500µs}), {@code 2h}, {@code 0}, or ISO-8601 ({@code PT1M30S}). Parts add up
 * ({@code 1h2m3.5s}); each part is a decimal number and a unit (ns, us, µs, ms, s, m, h, d). A bare number
 * is seconds, as wrk reads {@code -d 30}. A duration is never negative and never finer than a nanosecond.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h|d)");
    private static final String EXAMPLES = "e.g. 1m30s, 1.5s, 250ms or 500us";

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with the broken rule and an example, for anything else
     */
    public static Duration parse(String text) {
        String v = UnitText.nonNegative(text, "a duration is 0 or more, " + EXAMPLES);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty: a duration is a number and a unit, " + EXAMPLES);
        }
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw new IllegalArgumentException("'" + text + "' is negative: a duration is 0 or more");
                }
                return d;
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (PT1M30S) nor "
                        + EXAMPLES);
            }
        }
        String parts = v.chars().allMatch(c -> Character.isDigit(c) || c == '.') ? v + "s" : v;
        Matcher m = PART.matcher(parts.toLowerCase(Locale.ROOT));
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.lookingAt()) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            end = m.end();
            m.region(end, parts.length());
        }
        if (end != parts.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: " + EXAMPLES
                    + " (units ns, us, ms, s, m, h, d)");
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond");
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long: at most about 292 years");
        }
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "\u00b5s" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }

    /**
     * {@code d} as {@link #parse} reads it back, in the units a person would have typed: whole minutes
     * and hours as {@code 1h30m} or {@code 1m30s}, anything under a minute in the largest unit that
     * keeps it short ({@code 1.5s}, {@code 250ms}, {@code 500us}, {@code 20ns}).
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            return d.toHours() + "h";
        }
        String sign = nanos < 0 ? "-" : "";
        nanos = Math.abs(nanos);
        if (nanos >= 60_000_000_000L) {
            long seconds = nanos / 1_000_000_000L;
            StringBuilder sb = new StringBuilder(sign);
            if (seconds >= 3600) {
                sb.append(seconds / 3600).append('h');
            }
            if (seconds % 3600 >= 60) {
                sb.append(seconds % 3600 / 60).append('m');
            }
            long rest = nanos - seconds / 60 * 60_000_000_000L;
            if (rest > 0) {
                sb.append(decimal(rest, 1_000_000_000L)).append('s');
            }
            return sb.toString();
        }
        if (nanos >= 1_000_000_000L) {
            return sign + decimal(nanos, 1_000_000_000L) + "s";
        }
        if (nanos >= 1_000_000L) {
            return sign + decimal(nanos, 1_000_000L) + "ms";
        }
        if (nanos >= 1_000L) {
            return sign + decimal(nanos, 1_000L) + "us";
        }
        return sign + nanos + "ns";
    }

    /** {@code value / unit} with as many decimals as it needs: 1500/1000 is 1.5, 2000/1000 is 2. */
    static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
