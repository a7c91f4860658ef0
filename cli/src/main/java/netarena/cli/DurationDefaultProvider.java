package netarena.cli;

import java.time.Duration;
import picocli.CommandLine;

/**
 * Shows a duration option's default as it is written on the command line ({@code 5s}, {@code 1m}), not as
 * {@code Duration.toString()} writes it ({@code PT5S}). The default itself is the option field's initial
 * value, taken from {@link netarena.server.ServerDefaults}; picocli shows it as {@code ${DEFAULT-VALUE}}.
 */
final class DurationDefaultProvider implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        return arg.initialValue() instanceof Duration d ? DurationConverter.format(d) : null;
    }
}
