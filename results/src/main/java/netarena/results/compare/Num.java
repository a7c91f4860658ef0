package netarena.results.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the verdict files write numbers: about three significant digits, signed percentages, "n/a" for unknown. */
final class Num {

    private Num() {
    }

    /** e.g. {@code 12,345}, {@code 98.7}, {@code 4.56}, {@code 0.0123}; n/a when not finite. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return a == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    /** A ratio as a signed change, e.g. 1.123 as {@code +12.3%}; n/a when unknown. */
    static String change(double ratio) {
        if (Double.isNaN(ratio)) {
            return "n/a";
        }
        if (Double.isInfinite(ratio)) {
            return "+inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    /** A ratio interval as changes, e.g. {@code +8.1%..+16.0%}; n/a when unknown. */
    static String interval(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "n/a";
        }
        return change(low) + ".." + change(high);
    }

    /** A p-value, e.g. {@code 0.0043}; n/a when not tested. */
    static String p(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.2g", p);
    }

    /** A fraction as a percent, e.g. 0.05 as {@code 5%}. */
    static String percent(double fraction) {
        return new BigDecimal(fraction * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }
}
