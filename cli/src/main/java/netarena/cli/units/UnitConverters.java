package netarena.cli.units;

import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of every option value with a unit: {@link Durations}, {@link Counts} and
 * {@link Sizes} behind picocli's {@link ITypeConverter}, so a bad value reads as picocli's
 * "Invalid value for option '--duration': '-5s' is negative: ...". {@link #register} makes the
 * duration, count and rate ones the defaults of a whole command tree, by type; a size option names
 * {@link Size} on itself, since its type (long) is a count's too.
 */
public final class UnitConverters {

    private UnitConverters() {
    }

    /** Durations: {@code 1m30s}, {@code 1.5s}, {@code 500us}. */
    public static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return wrap(value, Durations::parse);
        }
    }

    /** Whole counts as long: {@code 10k}, {@code 1.5M}. */
    public static final class Count implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(value, Counts::parseCount);
        }
    }

    /** Whole counts as int: {@code 10k}; past Integer.MAX_VALUE refused. */
    public static final class IntCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = wrap(value, Counts::parseCount);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large: at most " + Integer.MAX_VALUE);
            }
            return (int) n;
        }
    }

    /** Rates per second: {@code 2500.5}, {@code 10k}, {@code 1.5M/s}. */
    public static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return wrap(value, Counts::parseRate);
        }
    }

    /** Sizes in bytes as long: {@code 64KiB}, {@code 1MB}. */
    public static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return wrap(value, Sizes::parse);
        }
    }

    /** Sizes in bytes as int: {@code 64KiB}; past Integer.MAX_VALUE refused. */
    public static final class IntSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = wrap(value, Sizes::parse);
            if (n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large: at most " + Sizes.format(
                        Integer.MAX_VALUE) + " (" + Integer.MAX_VALUE + " bytes)");
            }
            return (int) n;
        }
    }

    /**
     * Makes durations, counts (int and long) and rates (double) take their suffixes on every option of
     * {@code cl} and its subcommands that names no converter of its own. Call once the tree is built.
     */
    public static CommandLine register(CommandLine cl) {
        return cl.registerConverter(Duration.class, new Time())
                .registerConverter(Long.class, new Count()).registerConverter(Long.TYPE, new Count())
                .registerConverter(Integer.class, new IntCount()).registerConverter(Integer.TYPE, new IntCount())
                .registerConverter(Double.class, new Rate()).registerConverter(Double.TYPE, new Rate());
    }

    private static <T> T wrap(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
