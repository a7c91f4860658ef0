package netarena.experiments.sut;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import netarena.load.HttpRequestSpec;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A sweep cell with {@code protocol: http} passes the verify gate: every op maps to its HTTP route. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpVerifyGateTest {

    @ParameterizedTest
    @EnumSource(value = ServerModel.class, names = {"SELECTOR", "THREAD_PER_CLIENT"})
    void passesEveryOpOverHttp(ServerModel model) throws IOException {
        ServerConfig config = ServerConfig.builder().protocol(WireProtocol.HTTP).threads(1, 0).build();
        try (Server server = model.create(config)) {
            assertNull(VerifyGate.check(server.start(), WireProtocol.HTTP, HttpRequestSpec.ROUTES));
        }
    }
}
