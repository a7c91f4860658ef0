package netarena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code netarena} command line: a thin shell over the modules. Only {@link #main} exits.
 */
@Command(name = "netarena",
        mixinStandardHelpOptions = true,
        versionProvider = NetarenaCommand.Version.class,
        description = "Network server designs side by side, measured honestly.",
        subcommands = {
            ModelsCommand.class,
            ServeCommand.class,
            LoadCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class NetarenaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        int code = new CommandLine(new NetarenaCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        System.exit(code);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NetarenaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"netarena " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
