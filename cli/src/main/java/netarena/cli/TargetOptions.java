package netarena.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import netarena.experiments.sut.ExternalTarget;
import netarena.experiments.sut.TargetFailedException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --target HOST:PORT} of the commands that otherwise launch their servers ({@code sweep},
 * {@code capacity}): measure a server someone else runs instead. Nothing is launched then, so the options that
 * shape a launched server are refused with it.
 */
final class TargetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--target", paramLabel = "HOST:PORT", description = "Measure the server already running "
            + "here (your own; loopback, or a machine you may load) instead of launching netarena's: verified first; "
            + "nothing is read from its process (server CPU and memory: n/a).")
    String target;

    /**
     * The target, or null without --target.
     *
     * @param launchedOnly the command's options that only a launched server takes; one given with --target is a
     *                     usage error
     */
    ExternalTarget target(List<String> launchedOnly) {
        if (target == null) {
            return null;
        }
        for (String option : launchedOnly) {
            if (command.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(command.commandLine(), option + " shapes a server netarena launches; "
                        + "with --target the server is yours as it runs");
            }
        }
        ExternalTarget parsed;
        try {
            parsed = ExternalTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        warnIfNotLoopback(parsed.host());
        return parsed;
    }

    /** The one line of a target that could not be measured, on stderr; its exit code (3: unreachable, else 2). */
    static int failed(String commandName, TargetFailedException e) {
        System.err.println("netarena " + commandName + ": " + e.getMessage());
        return e.unreachable() ? ExitCodes.CONNECT_FAILED : ExitCodes.UNDECIDED;
    }

    /** A warning on stderr when {@code host} is not this machine's loopback: load only what you may load. */
    static void warnIfNotLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                System.err.println("warning: " + host + " is not a loopback address: make sure you may load it");
            }
        } catch (UnknownHostException e) {
            // the generator reports it as a connect failure
        }
    }
}
