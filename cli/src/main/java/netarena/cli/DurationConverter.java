package netarena.cli;

import java.time.Duration;
import netarena.cli.units.Durations;
import netarena.cli.units.UnitConverters;
import picocli.CommandLine;

/**
 * The converter the duration options name: {@link Durations} ({@code 1m30s}, {@code 1.5s}, {@code 500us},
 * ISO-8601; negative refused), the same as {@link UnitConverters.Time} that every other Duration option
 * gets by type.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return new UnitConverters.Time().convert(value);
    }

    /** The form {@link #convert} reads back, in the units a person types: {@code 0s}, {@code 250ms}, {@code 1m30s}. */
    public static String format(Duration d) {
        return Durations.format(d);
    }
}
