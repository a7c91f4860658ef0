package netarena.results.capacity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SLO as people write it: {@code p99<=5ms}, {@code p99.9 <= 800us}, {@code p50<2s}. The
 * percentile is of latency from the intended send time; units {@code us}, {@code ms}, {@code s}.
 */
public final class SloText {

    private static final Pattern FORM = Pattern.compile("p(\\d+(?:\\.\\d+)?)\\s*<=?\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");

    private SloText() {
    }

    /** The SLO of {@code text} with the error budget {@code maxErrorRatio}; the rule broken in the message. */
    public static Slo parse(String text, double maxErrorRatio) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an SLO: write e.g. p99<=5ms, p99.9<=800us or p50<=1s");
        }
        double percentile = Double.parseDouble(m.group(1));
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("the SLO's percentile must be between 0 and 100, got " + percentile);
        }
        double value = Double.parseDouble(m.group(2));
        double micros = switch (m.group(3)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
        // 99.9 / 100 in binary is 0.9990000000000001; the decimal shift gives the double nearest 0.999
        return new Slo(new java.math.BigDecimal(m.group(1)).movePointLeft(2).doubleValue(), micros, maxErrorRatio);
    }
}
