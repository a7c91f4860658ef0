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

    static void beforeStart(ServerConfig config) {
        if (config.model() == ServerModel.VIRTUAL && config.ioThreads() > 0) {
            VirtualThreadServer.applyCarrierThreads(config.ioThreads());
        }
    }
}
