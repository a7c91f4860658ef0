package netarena.server;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** The conformance matrix: every registered, available model x io-threads {1, 4} x workers {0, 2}. */
final class ModelConfigs {

    private ModelConfigs() {
    }

    static List<ServerConfig> all() {
        List<ServerConfig> configs = new ArrayList<>();
        for (ServerModel model : ServerModel.availableModels()) {
            for (int io : new int[] {1, 4}) {
                for (int workers : new int[] {0, 2}) {
                    configs.add(ServerConfig.defaults(model).withThreads(io, workers));
                }
            }
        }
        return configs;
    }

    static List<Arguments> arguments() {
        return all().stream().map(c -> Arguments.of(c.model().label(), c.ioThreads(), c.workers(), c)).toList();
    }
}
