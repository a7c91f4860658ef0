package netarena.results.report;

import java.util.Locale;
import netarena.results.run.Spread;

/** How figures read in the report: grouped thousands, about three significant digits, "n/a" for unknown. */
final class Fmt {

    static final String UNKNOWN = "n/a";

    private Fmt() {
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return UNKNOWN;
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v) && a >= 1) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** The median, e.g. {@code 1,100}. */
    static String median(Spread s) {
        return num(s.median());
    }

    /** The min-max range, e.g. {@code 1,000–1,200}, or empty when unknown or all values are equal. */
    static String range(Spread s) {
        if (!s.known() || s.min() == s.max()) {
            return "";
        }
        return num(s.min()) + "\u2013" + num(s.max());
    }

    /** KiB as MiB, e.g. {@code 80.0 MiB}. */
    static String mib(double kib) {
        return Double.isFinite(kib) && kib >= 0 ? num(kib / 1024) + " MiB" : UNKNOWN;
    }

    static String bytes(long bytes) {
        if (bytes <= 0) {
            return UNKNOWN;
        }
        return num(bytes / (1024.0 * 1024 * 1024)) + " GiB";
    }
}
