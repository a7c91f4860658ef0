package netarena.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import netarena.server.testing.ModelConfigs;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A start that cannot bind (the port is taken) throws, and leaves no thread of its own behind: whatever the
 * model started before the bind (reactors, event loops, a completion group) is stopped again.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailedStartTest {

    @ParameterizedTest
    @MethodSource(ModelConfigs.MODELS)
    void aStartThatCannotBindThrowsAndLeavesNoThreadBehind(ServerModel model) throws Exception {
        try (Server first = model.create(ServerConfig.builder().threads(2, 1).build())) {
            InetSocketAddress taken = first.start();
            long before = threadsOf(model);
            Server second = model.create(ServerConfig.builder().threads(2, 1).port(taken.getPort()).build());
            assertThrows(IOException.class, second::start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threadsOf(model) > before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before, threadsOf(model), "threads named " + model.label() + "-* after the failed start");
            second.stop(java.time.Duration.ZERO); // a stop after a failed start does nothing
        }
    }

    /** Live platform threads named after the model (virtual threads are not listed by getAllStackTraces). */
    private static long threadsOf(ServerModel model) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(model.label() + "-"))
                .count();
    }
}
