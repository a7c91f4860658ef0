package netarena.cli;

import java.util.Map;
import netarena.load.LoadDefaults;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code netarena load}'s option defaults, read from {@link LoadDefaults} so the help's
 * {@code ${DEFAULT-VALUE}} and the parsed options show the generator's own defaults, written nowhere else.
 */
final class LoadOptionDefaults implements IDefaultValueProvider {

    private static final Map<String, String> BY_OPTION = Map.ofEntries(
            Map.entry("--protocol", LoadDefaults.PROTOCOL.label()),
            Map.entry("--connections", Integer.toString(LoadDefaults.CONNECTIONS)),
            Map.entry("--threads", Integer.toString(LoadDefaults.THREADS)),
            Map.entry("--pipeline", Integer.toString(LoadDefaults.PIPELINE)),
            Map.entry("--rate", "0"),
            Map.entry("--arrivals", LoadDefaults.ARRIVALS.label()),
            Map.entry("--seed", Long.toString(LoadDefaults.SEED)),
            Map.entry("--duration", DurationConverter.format(LoadDefaults.DURATION)),
            Map.entry("--warmup", DurationConverter.format(LoadDefaults.COMMAND_WARMUP)),
            Map.entry("--op", LoadDefaults.OP.label()),
            Map.entry("--size", Integer.toString(LoadDefaults.SIZE_BYTES)),
            Map.entry("--arg", Long.toString(LoadDefaults.ARG)),
            Map.entry("--timeout", DurationConverter.format(LoadDefaults.TIMEOUT)),
            Map.entry("--connect-timeout", DurationConverter.format(LoadDefaults.CONNECT_TIMEOUT)),
            Map.entry("--max-lag", DurationConverter.format(LoadDefaults.MAX_LAG)),
            Map.entry("--max-lag-share", Double.toString(LoadDefaults.MAX_LAG_SHARE)),
            Map.entry("--spin", DurationConverter.format(LoadDefaults.SPIN)));

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
    }
}
