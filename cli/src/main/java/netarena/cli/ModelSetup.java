package netarena.cli;

import netarena.server.ServerConfig;

/**
 * JVM-wide settings a model needs before its first thread starts (the virtual-thread scheduler's
 * parallelism, for instance). Called by {@code serve} before it creates the server.
 */
final class ModelSetup {

    private ModelSetup() {
    }

    static void beforeStart(ServerConfig config) {
        // models with JVM-wide knobs register their setup here
    }
}
