package netarena.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * The files a run writes into its output directory, their names and their units: the one contract
 * between the load generator, which writes them, and whoever reads them ({@code results} does, through
 * the constants and readers here, never by guessing).
 *
 * <ul>
 *   <li>{@value #RESULT_JSON}: the whole result (fields documented in docs/LOAD.md; units in the keys).</li>
 *   <li>{@value #LATENCY_HGRM}, {@value #SERVICE_HGRM}, {@value #SEND_LAG_HGRM}: the run's percentile
 *       distributions in HdrHistogram's {@code outputPercentileDistribution} text, values in
 *       {@value #HGRM_VALUE_UNIT} as wrk2 prints them ({@link #HGRM_MICROS_PER_VALUE} microseconds each).</li>
 *   <li>{@value #LATENCY_HLOG}: one interval histogram of latency from the intended send time per second of
 *       the measured phase, in HdrHistogram's log format and its tools' conventions: recorded values in
 *       {@value #HLOG_VALUE_UNIT} (as jHiccup writes them, so {@code HistogramLogProcessor} and the
 *       plotters print milliseconds with their default ratio), the {@code Interval_Max} column in
 *       milliseconds, interval times in seconds since the start of the measured phase. The generator
 *       records microseconds; {@link #toHlogValues} and {@link #readLatencyLog} convert, so a value keeps
 *       the microsecond histogram's precision.</li>
 * </ul>
 */
public final class ResultFiles {

    public static final String RESULT_JSON = "result.json";
    public static final String LATENCY_HGRM = "latency.hgrm";
    public static final String SERVICE_HGRM = "service.hgrm";
    public static final String SEND_LAG_HGRM = "send-lag.hgrm";
    public static final String LATENCY_HLOG = "latency.hlog";
    /** Bumped when a field changes meaning or goes away; new fields do not bump it. */
    public static final int FORMAT_VERSION = 1;

    /** The unit of every value in a .hgrm file. */
    public static final String HGRM_VALUE_UNIT = "milliseconds";
    /** Microseconds per .hgrm value: multiply a value read from one by this. */
    public static final double HGRM_MICROS_PER_VALUE = 1000.0;
    /** The unit of the values recorded in {@value #LATENCY_HLOG}'s histograms (the histograms' own unit). */
    public static final String HLOG_VALUE_UNIT = "nanoseconds";
    /** Recorded hlog values per microsecond. */
    public static final long HLOG_VALUES_PER_MICRO = 1000;
    /**
     * Recorded hlog values per {@code Interval_Max} unit: the column is in milliseconds, as HdrHistogram's
     * own tools assume (the same ratio is {@code HistogramLogProcessor}'s default {@code -outputValueUnitRatio}).
     */
    public static final double HLOG_MAX_VALUE_UNIT_RATIO = 1_000_000.0;
    /** The range of an hlog histogram: the generator's microsecond range in {@value #HLOG_VALUE_UNIT}. */
    private static final long HLOG_HIGHEST_VALUE = LatencyRecorder.HIGHEST_MICROS * HLOG_VALUES_PER_MICRO;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /** Writes result.json and the .hgrm files into {@code dir}, creating it if needed. */
    public static void write(LoadResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(RESULT_JSON).toFile(), toJson(result));
            writeHgrm(result.latency(), dir.resolve(LATENCY_HGRM));
            writeHgrm(result.serviceTime(), dir.resolve(SERVICE_HGRM));
            writeHgrm(result.sendLag(), dir.resolve(SEND_LAG_HGRM));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The JSON tree of a result, as written to {@value #RESULT_JSON}. */
    public static ObjectNode toJson(LoadResult r) {
        return ResultJson.toJson(r);
    }

    /** Writes a histogram of microseconds as a .hgrm file (values in {@value #HGRM_VALUE_UNIT}). */
    public static void writeHgrm(Histogram micros, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); PrintStream ps = new PrintStream(out, false, "UTF-8")) {
            micros.outputPercentileDistribution(ps, HGRM_MICROS_PER_VALUE);
        }
    }

    /** An empty histogram for {@value #LATENCY_HLOG}'s values, the range and precision of the generator's. */
    public static Histogram newHlogHistogram() {
        return new Histogram(1, HLOG_HIGHEST_VALUE, LatencyRecorder.SIGNIFICANT_DIGITS);
    }

    /**
     * Puts a histogram of microseconds into {@code into} (emptied first) in {@value #HLOG_VALUE_UNIT}: each
     * recorded value at its bucket's highest equivalent value, as {@code getMaxValue} reports it.
     *
     * @return {@code into}
     */
    public static Histogram toHlogValues(AbstractHistogram micros, Histogram into) {
        into.reset();
        for (HistogramIterationValue v : micros.recordedValues()) {
            into.recordValueWithCount(Math.max(1, v.getValueIteratedTo() * HLOG_VALUES_PER_MICRO),
                    v.getCountAtValueIteratedTo());
        }
        return into;
    }

    /**
     * Reads an hlog written as {@value #LATENCY_HLOG}: every interval added up, converted to microseconds;
     * empty when it holds no interval.
     */
    public static Histogram readLatencyLog(Path file) throws IOException {
        Histogram total = LatencyRecorder.newHistogram();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (h instanceof AbstractHistogram interval) {
                    addAsMicros(interval, total);
                }
            }
        }
        return total;
    }

    /**
     * One interval read from {@value #LATENCY_HLOG} in microseconds, keeping its time stamps: the inverse of
     * {@link #toHlogValues}.
     */
    public static Histogram fromHlogValues(AbstractHistogram interval) {
        Histogram micros = LatencyRecorder.newHistogram();
        addAsMicros(interval, micros);
        micros.setStartTimeStamp(interval.getStartTimeStamp());
        micros.setEndTimeStamp(interval.getEndTimeStamp());
        return micros;
    }

    private static void addAsMicros(AbstractHistogram interval, Histogram micros) {
        for (HistogramIterationValue v : interval.recordedValues()) {
            // the first whole microsecond in the value's bucket: a microsecond value u was written as u * 1000;
            // below about 1 ms the nanosecond bucket is narrower than a microsecond and this finds u exactly,
            // above it the two buckets are about as wide and this is u or its neighbouring bucket, within the
            // histograms' precision (the lowest value divided down fell a microsecond short of u wherever a
            // bucket starts between two whole microseconds)
            long lowest = interval.lowestEquivalentValue(v.getValueIteratedTo());
            long u = (lowest + HLOG_VALUES_PER_MICRO - 1) / HLOG_VALUES_PER_MICRO;
            micros.recordValueWithCount(Math.min(u, LatencyRecorder.HIGHEST_MICROS), v.getCountAtValueIteratedTo());
        }
    }
}
