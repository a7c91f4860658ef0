package netarena.results.run;

import java.util.Arrays;

/**
 * The median, min and max of one figure over a cell's repetitions. Unknown values (NaN, or negative
 * where the field marks unknown with -1) are left out; with no value left every field is NaN.
 */
public record Spread(double median, double min, double max) {

    public static final Spread UNKNOWN = new Spread(Double.NaN, Double.NaN, Double.NaN);

    /** The spread of the finite, non-negative values; {@link #UNKNOWN} when there are none. */
    public static Spread of(double... values) {
        double[] known = Arrays.stream(values).filter(v -> Double.isFinite(v) && v >= 0).sorted().toArray();
        int n = known.length;
        if (n == 0) {
            return UNKNOWN;
        }
        double median = n % 2 == 1 ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2;
        return new Spread(median, known[0], known[n - 1]);
    }

    public boolean known() {
        return !Double.isNaN(median);
    }

    /** (max - min) / median, the relative width of the spread; NaN when unknown or the median is 0. */
    public double relativeWidth() {
        return known() && median != 0 ? (max - min) / median : Double.NaN;
    }
}
