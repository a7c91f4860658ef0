package netarena.cli;

import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import netarena.server.virtual.VirtualThreadServer;

/**
 * JVM-wide settings a model needs before its first thread starts (the virtual-thread scheduler's
 * parallelism, for instance). Called by {@code serve} before it creates the server.
 */
final class ModelSetup {

    private ModelSetup() {
    }

    static void beforeStart(ServerModel model, ServerConfig config) {
        if (model == ServerModel.VIRTUAL && config.threads().io() > 0) {
            VirtualThreadServer.applyCarrierThreads(config.threads().io());
        }
    }
}
