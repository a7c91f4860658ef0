package netarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import netarena.load.ClosedLoop;
import netarena.load.HttpRequestSpec;
import netarena.load.LoadGenerator;
import netarena.load.LoadPlan;
import netarena.load.LoadResult;
import netarena.protocol.Op;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load generator's HTTP client against every model serving {@code --protocol http}, over loopback:
 * every op's route verified with pipelining, and the announced close (a request that says
 * {@code Connection: close}) reopened and resent without an error.
 */
@Timeout(60)
class HttpLoadOnEveryModelTest {

    private static LoadPlan plan(InetSocketAddress address) {
        return LoadPlan.to("127.0.0.1", address.getPort()).withTarget(t -> t.withProtocol(WireProtocol.HTTP))
                .withLimits(l -> l.withConnections(2, 1)).with(new ClosedLoop(4)).withLimits(l -> l
                .withMaxLag(Duration.ofSeconds(1)).withMaxLagShare(1))
                .withBounds(b -> b.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void everyRouteIsVerifiedWithPipelining(ServerModel model) throws Exception {
        try (Server server = model.create(ServerConfig.builder().protocol(WireProtocol.HTTP).build())) {
            InetSocketAddress address = server.start();
            for (Op op : Op.values()) {
                long arg = switch (op) {
                    case ECHO -> 0;
                    case CPU -> 1_000;
                    case DELAY, BLOCK -> 200;
                };
                LoadResult r = LoadGenerator.run(plan(address).withRequest(q -> q.withOp(op, 2_000, arg))
                        .withBounds(b -> b.forRequests(200, Duration.ofSeconds(20))));
                assertEquals(LoadResult.EXIT_OK, r.exitCode(), model.label() + " " + op + ": " + r.status() + " "
                        + r.errors() + " " + r.mismatchSamples() + " " + r.invalidReasons());
                assertEquals(200, r.requests().ok(), model.label() + " " + op);
            }
        }
    }

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void aRequestThatAsksToCloseIsAnsweredThenReopenedWithoutAnError(ServerModel model) throws Exception {
        try (Server server = model.create(ServerConfig.builder().protocol(WireProtocol.HTTP).build())) {
            InetSocketAddress address = server.start();
            LoadResult r = LoadGenerator.run(plan(address)
                    .withRequest(q -> q
                    .withHttp(HttpRequestSpec.custom("GET", "/plaintext", List.of("Connection: close"), 0)))
                    .withBounds(b -> b.forRequests(60, Duration.ofSeconds(20))));
            assertEquals(LoadResult.EXIT_OK, r.exitCode(), model.label() + ": " + r.status() + " " + r.errors() + " "
                    + r.mismatchSamples());
            assertEquals(60, r.requests().ok());
            assertTrue(r.connections().closedByServer() >= 58, model.label() + ": " + r.connections());
            assertTrue(r.requests().resent() > 0, "pipelined requests after each close go out again: " + r.requests());
        }
    }
}
