package netarena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code netarena} command line: a thin shell over the modules. Only {@link #main} exits.
 */
@Command(name = "netarena",
        mixinStandardHelpOptions = true,
        // --help and --version on every subcommand too: `netarena serve --help` must not demand --model first
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = NetarenaCommand.Version.class,
        description = "Network server designs side by side, measured honestly.",
        subcommands = {
            ModelsCommand.class,
            ServeCommand.class,
            LoadCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            AbCommand.class,
            CapacityCommand.class,
            MergeCommand.class,
            ClusterCommand.class,
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
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@link #main} runs it. A bad input found only once a command runs (a plan file that
     * cannot be read or has a wrong field) is an IllegalArgumentException with a message written for the
     * user: it is printed as one line and exits with the command's invalid-input code, not as a stack trace.
     */
    static CommandLine commandLine() {
        return new CommandLine(new NetarenaCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cl.getErr().println("netarena " + cl.getCommandName() + ": " + e.getMessage());
                        return cl.getCommandSpec().exitCodeOnInvalidInput();
                    }
                    throw e;
                });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NetarenaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"netarena " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
