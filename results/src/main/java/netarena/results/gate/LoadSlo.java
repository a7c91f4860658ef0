package netarena.results.gate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import org.HdrHistogram.Histogram;

/**
 * One pass/fail threshold of a load run, written as k6 writes its thresholds: {@code p99<=5ms}, {@code max<1s},
 * {@code errors==0}, {@code error_rate<=0.1%}, {@code rate>=0.99*requested}. Latency is the corrected figure (from
 * each request's intended send time); {@code rate} is verified answers per second of the measured phase and
 * {@code requested} the plan's open-loop rate. Immutable; parsed on the command's thread.
 *
 * @param text      as written, e.g. {@code p99<=5ms}
 * @param metric    {@code p<N>}, {@code max}, {@code mean}, {@code errors}, {@code error_rate} or {@code rate}
 * @param op        the comparison
 * @param limit     the threshold in the metric's unit: microseconds for latency, a count, a ratio, requests/s
 */
public record LoadSlo(String text, String metric, Op op, double limit) {

    /** The comparisons k6 accepts. */
    public enum Op {
        LE("<="), LT("<"), GE(">="), GT(">"), EQ("==");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double actual, double limit) {
            return switch (this) {
                case LE -> actual <= limit;
                case LT -> actual < limit;
                case GE -> actual >= limit;
                case GT -> actual > limit;
                case EQ -> actual == limit;
            };
        }
    }

    /**
     * The outcome of one threshold.
     *
     * @param slo    the threshold
     * @param actual the measured figure in the threshold's unit; NaN when there was nothing to measure
     * @param passed whether it held
     */
    public record Check(LoadSlo slo, double actual, boolean passed) {

        /** The measured figure as a person reads it, with its unit. */
        public String actualText() {
            return Double.isNaN(actual) ? "no answers" : slo.format(actual);
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "(p\\d+(?:\\.\\d+)?|max|mean|errors|error_rate|rate)\\s*(<=|<|>=|>|==)\\s*(.+)");
    private static final Pattern LATENCY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");
    private static final Pattern OF_REQUESTED = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*\\*\\s*requested");

    /**
     * Reads {@code text} for a run of {@code plan} ({@code requested} needs its open-loop rate); the broken rule is
     * an IllegalArgumentException's message.
     */
    public static LoadSlo parse(String text, LoadPlan plan) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a threshold: write e.g. p99<=5ms, max<1s, "
                    + "errors==0, error_rate<=0.1%, rate>=0.99*requested");
        }
        String metric = m.group(1);
        Op op = opOf(m.group(2));
        String value = m.group(3).strip();
        double limit = switch (metric) {
            case "errors" -> number(value, text);
            case "error_rate" -> value.endsWith("%") ? number(value.substring(0, value.length() - 1), text) / 100
                    : number(value, text);
            case "rate" -> rate(value, text, plan);
            default -> latencyMicros(metric, value, text);
        };
        return new LoadSlo(text.strip(), metric, op, limit);
    }

    /** This threshold checked on {@code r}'s figures. */
    public Check check(LoadResult r) {
        double actual = switch (metric) {
            case "errors" -> r.errorTotal();
            case "error_rate" -> r.requests().sent() == 0 ? Double.NaN : (double) r.errorTotal() / r.requests().sent();
            case "rate" -> r.okPerSecond();
            default -> latencyMicros(r.latency());
        };
        return new Check(this, actual, !Double.isNaN(actual) && op.holds(actual, limit));
    }

    /** {@code value} in this threshold's unit, as written for a person. */
    String format(double value) {
        return switch (metric) {
            case "errors" -> String.format(Locale.ROOT, "%.0f", value);
            case "error_rate" -> String.format(Locale.ROOT, "%.4g%%", value * 100);
            case "rate" -> String.format(Locale.ROOT, "%.1f/s", value);
            default -> String.format(Locale.ROOT, "%.3f ms", value / 1000);
        };
    }

    private double latencyMicros(Histogram latency) {
        if (latency.getTotalCount() == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case "max" -> latency.getMaxValue();
            case "mean" -> latency.getMean();
            default -> latency.getValueAtPercentile(Double.parseDouble(metric.substring(1)));
        };
    }

    private static Op opOf(String symbol) {
        for (Op op : Op.values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalStateException("the pattern admits only the symbols of Op, got " + symbol);
    }

    private static double latencyMicros(String metric, String value, String text) {
        if (metric.startsWith("p")) {
            double p = Double.parseDouble(metric.substring(1));
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("'" + text + "': the percentile must be in (0, 100], got " + p);
            }
        }
        Matcher m = LATENCY.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "': a latency needs a unit, e.g. 800us, 5ms or 1s");
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v;
            case "ms" -> v * 1_000;
            default -> v * 1_000_000;
        };
    }

    private static double rate(String value, String text, LoadPlan plan) {
        Matcher m = OF_REQUESTED.matcher(value);
        if (!m.matches()) {
            return number(value, text);
        }
        if (!plan.openLoop()) {
            throw new IllegalArgumentException("'" + text + "': 'requested' is the open-loop rate; give --rate");
        }
        return Double.parseDouble(m.group(1)) * plan.shape().ratePerSecond();
    }

    private static double number(String value, String text) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': '" + value + "' is not a number");
        }
    }
}
