package netarena.cli.units;

import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of every option value with a unit: {@link Durations}, {@link Counts} and
 * {@link Sizes} behind picocli's {@link ITypeConverter}, so a bad value reads as picocli's
 * "Invalid value for option '--duration': '-5s' is negative: ...". {@link #register} makes durations,
 * whole counts (long {@code 10k}, {@code 1.5M}; int the same, past Integer.MAX_VALUE refused) and rates
 * (double {@code 2500.5}, {@code 10k}, {@code 1.5M/s}) the defaults of a whole command tree, by type; a
 * size option names {@link Size} or {@link IntSize} on itself, since its type is a count's too.
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
            return toInt(value, wrap(value, Sizes::parse),
                    Sizes.format(Integer.MAX_VALUE) + " (" + Integer.MAX_VALUE + " bytes)");
        }
    }

    /**
     * Makes durations, counts (int and long) and rates (double) take their suffixes on every option of
     * {@code cl} and its subcommands that names no converter of its own. Call once the tree is built.
     */
    public static CommandLine register(CommandLine cl) {
        ITypeConverter<Long> count = value -> wrap(value, Counts::parseCount);
        ITypeConverter<Integer> intCount = value -> toInt(value, wrap(value, Counts::parseCount),
                String.valueOf(Integer.MAX_VALUE));
        ITypeConverter<Double> rate = value -> wrap(value, Counts::parseRate);
        return cl.registerConverter(Duration.class, new Time())
                .registerConverter(Long.class, count).registerConverter(Long.TYPE, count)
                .registerConverter(Integer.class, intCount).registerConverter(Integer.TYPE, intCount)
                .registerConverter(Double.class, rate).registerConverter(Double.TYPE, rate);
    }

    /** {@code n} as an int; past Integer.MAX_VALUE refused, saying {@code most} is the most. */
    private static int toInt(String value, long n, String most) {
        if (n > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + value + "' is too large: at most " + most);
        }
        return (int) n;
    }

    private static <T> T wrap(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
