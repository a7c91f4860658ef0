package netarena.results.report;

/**
 * The unit a group of latencies is shown in: microseconds while they are small, milliseconds once the
 * largest passes {@link #MS_FROM_MICROS} (a p99.9 of 812,000 µs reads better as 812 ms). Every table
 * and chart that uses one names it in its header or axis title. Results store microseconds.
 */
enum LatencyUnit {
    MICROS("\u00b5s", 1),
    MILLIS("ms", 1_000);

    /** From this largest value (in µs) on, a group is shown in ms. */
    static final double MS_FROM_MICROS = 10_000;

    private final String symbol;
    private final double micros;

    LatencyUnit(String symbol, double micros) {
        this.symbol = symbol;
        this.micros = micros;
    }

    /** The unit for a group whose largest value is {@code maxMicros}; µs when that is unknown. */
    static LatencyUnit forMax(double maxMicros) {
        return Double.isFinite(maxMicros) && maxMicros >= MS_FROM_MICROS ? MILLIS : MICROS;
    }

    String symbol() {
        return symbol;
    }

    /** {@code valueMicros} in this unit. */
    double of(double valueMicros) {
        return valueMicros / micros;
    }

    /** {@code valueMicros} in this unit, formatted as the report formats figures (no unit symbol). */
    String format(double valueMicros) {
        return Fmt.num(of(valueMicros));
    }
}
