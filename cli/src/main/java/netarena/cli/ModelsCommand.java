package netarena.cli;

import java.util.concurrent.Callable;
import netarena.server.ServerModel;
import picocli.CommandLine.Command;

/** {@code netarena models}: every registered model, whether it can run here, and what it is. */
@Command(name = "models", description = "List the I/O models with a one-line description each.")
final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        int width = 0;
        for (ServerModel m : ServerModel.values()) {
            width = Math.max(width, m.label().length());
        }
        for (ServerModel m : ServerModel.values()) {
            String reason = m.unavailabilityReason();
            String line = String.format("%-" + width + "s  %s", m.label(), m.description());
            System.out.println(reason == null ? line : line + "  [UNAVAILABLE here: " + reason + "]");
        }
        return 0;
    }
}
