package netarena.server.testing;

import java.util.ArrayList;
import java.util.List;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import netarena.server.WorkerPoolKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The models a test runs over, all read from the {@link ServerModel} registry, so that a new model gets every
 * such test with no test code. A parameterized test names one by its constant, e.g.
 * {@code @MethodSource(ModelConfigs.MODELS)}.
 */
public final class ModelConfigs {

    /** The {@code @MethodSource} of {@link #models}. */
    public static final String MODELS = "netarena.server.testing.ModelConfigs#models";
    /** The {@code @MethodSource} of {@link #withoutThreadPerConnection}. */
    public static final String WITHOUT_THREAD_PER_CONNECTION =
            "netarena.server.testing.ModelConfigs#withoutThreadPerConnection";
    /** The {@code @MethodSource} of {@link #timerDelayModels}. */
    public static final String TIMER_DELAY_MODELS = "netarena.server.testing.ModelConfigs#timerDelayModels";
    /** The {@code @MethodSource} of {@link #modelsAndPoolKinds}. */
    public static final String MODELS_AND_POOL_KINDS = "netarena.server.testing.ModelConfigs#modelsAndPoolKinds";
    /** The {@code @MethodSource} of {@link #matrix}. */
    public static final String MATRIX = "netarena.server.testing.ModelConfigs#matrix";

    private ModelConfigs() {
    }

    /** Every registered model that can run here. */
    public static List<ServerModel> models() {
        return ServerModel.availableModels();
    }

    /** The models that serve many connections on few threads: every one but thread-per-client. */
    public static List<ServerModel> withoutThreadPerConnection() {
        return models().stream().filter(m -> m != ServerModel.THREAD_PER_CLIENT).toList();
    }

    /**
     * The models that serve DELAY from the shared timer: all but the two that give each connection a thread
     * of its own (thread-per-client, virtual), which sleep a DELAY there.
     */
    public static List<ServerModel> timerDelayModels() {
        return models().stream().filter(m -> m != ServerModel.THREAD_PER_CLIENT && m != ServerModel.VIRTUAL).toList();
    }

    /** Every model with every worker pool kind, as arguments {@code (model, kind)}. */
    public static List<Arguments> modelsAndPoolKinds() {
        List<Arguments> all = new ArrayList<>();
        for (ServerModel model : models()) {
            for (WorkerPoolKind kind : WorkerPoolKind.values()) {
                all.add(Arguments.of(model, kind));
            }
        }
        return all;
    }

    /**
     * The conformance matrix: every model x io-threads {1, 4} x workers {0, 2}, as arguments
     * {@code (model, io, workers, config)}, the model named by its label.
     */
    public static List<Arguments> matrix() {
        List<Arguments> matrix = new ArrayList<>();
        for (ServerModel model : models()) {
            for (int io : new int[] {1, 4}) {
                for (int workers : new int[] {0, 2}) {
                    ServerConfig config = ServerConfig.builder().threads(io, workers).build();
                    matrix.add(Arguments.of(Named.of(model.label(), model), io, workers, config));
                }
            }
        }
        return matrix;
    }

    /**
     * {@code config} changed so that every connection a test opens is served at once: thread-per-client with
     * a fixed pool would make connection N+1 wait for one of the first N to close (its documented
     * head-of-line blocking), so it gets a thread per client instead; the other models keep {@code config}.
     */
    public static ServerConfig connectionsAtOnce(ServerModel model, ServerConfig config) {
        return model == ServerModel.THREAD_PER_CLIENT
                ? config.toBuilder().threads(0, config.threads().workers()).build() : config;
    }
}
