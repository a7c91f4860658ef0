package netarena.cli;

import netarena.cli.units.UnitConverters;
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
            CompletionCommand.class,
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
     * The command line as {@link #main} runs it, with the exit codes of {@link ExitCodes}. A usage error is its
     * one line and where to read more ({@link #usageError}), exit 64. A bad input found only once a command runs
     * (a plan file that cannot be read or has a wrong field) is an IllegalArgumentException with a message
     * written for the user: one line, exit 2, not a stack trace.
     */
    static CommandLine commandLine() {
        // every Duration, count and rate option takes suffixes (1m30s, 10k, 1.5M); sizes name theirs
        return UnitConverters.register(new CommandLine(new NetarenaCommand()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(NetarenaCommand::usageError)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof IllegalArgumentException) {
                        cl.getErr().println(prefix(cl) + e.getMessage());
                        return ExitCodes.UNDECIDED;
                    }
                    throw e;
                });
    }

    /**
     * Prints a usage error as its one line, picocli's "did you mean" suggestions for a misspelt option, and
     * where the whole help is; the help itself is 30 to 80 lines that would bury the line that matters.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        err.println(prefix(cl) + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see `netarena help" + (cl.getParent() == null ? "" : " " + cl.getCommandName()) + "`");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code netarena load: } for a subcommand, {@code netarena: } for the root. */
    private static String prefix(CommandLine cl) {
        return cl.getParent() == null ? "netarena: " : "netarena " + cl.getCommandName() + ": ";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NetarenaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"netarena " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
