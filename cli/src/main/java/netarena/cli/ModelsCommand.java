package netarena.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import netarena.server.ServerModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netarena models}: every registered model, whether it can run here, and what it is. */
@Command(name = "models", description = "List the I/O models with a one-line description each.")
final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the models as a JSON array of {model, description, available, "
            + "unavailable_reason} instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        System.out.print(json ? json() : table());
        return ExitCodes.OK;
    }

    private static String table() {
        int width = 0;
        for (ServerModel m : ServerModel.values()) {
            width = Math.max(width, m.label().length());
        }
        StringBuilder sb = new StringBuilder();
        for (ServerModel m : ServerModel.values()) {
            String reason = m.unavailabilityReason();
            String line = String.format("%-" + width + "s  %s", m.label(), m.description());
            sb.append(reason == null ? line : line + "  [UNAVAILABLE here: " + reason + "]").append('\n');
        }
        return sb.toString();
    }

    private static String json() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode models = mapper.createArrayNode();
        for (ServerModel m : ServerModel.values()) {
            String reason = m.unavailabilityReason();
            ObjectNode n = models.addObject();
            n.put("model", m.label());
            n.put("description", m.description());
            n.put("available", reason == null);
            if (reason == null) {
                n.putNull("unavailable_reason");
            } else {
                n.put("unavailable_reason", reason);
            }
        }
        return mapper.writeValueAsString(models) + "\n";
    }
}
