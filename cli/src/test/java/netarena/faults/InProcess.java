package netarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import netarena.protocol.WireProtocol;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerConfigBuilder;
import netarena.server.ServerModel;
import netarena.server.ServerStats;

/** A server in the test's own JVM, with the model's defaults and what a scenario changes. */
final class InProcess implements AutoCloseable {

    private final Server server;
    private final InetSocketAddress address;

    private InProcess(Server server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    static InProcess start(ServerModel model, WireProtocol protocol, UnaryOperator<ServerConfigBuilder> change)
            throws IOException {
        Server server = model.create(change.apply(ServerConfig.builder().protocol(protocol)).build());
        return new InProcess(server, server.start());
    }

    Server server() {
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    ServerStats.Snapshot stats() {
        return server.stats();
    }

    /** Waits up to 10 s for {@code stat} to reach at least {@code atLeast}; returns its value then. */
    long await(ToLongFunction<ServerStats.Snapshot> stat, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stat.applyAsLong(server.stats()) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return stat.applyAsLong(server.stats());
    }

    /** Waits up to 10 s for every connection to be closed and every held byte given back. */
    void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((server.stats().open() != 0 || server.stats().heldBytes() != 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, server.stats().open(), "connections left open: " + server.stats());
        assertEquals(0, server.stats().heldBytes(), "bytes still held with no connection open: " + server.stats());
    }

    /** A fresh client gets a correct echo: the server still serves. */
    void assertServes(WireProtocol protocol) throws IOException {
        try (WireClient client = new WireClient(address, protocol)) {
            byte[] payload = "still serving".getBytes();
            client.send(WireClient.echo(protocol, 77, payload));
            WireClient.Answer a = client.receive();
            assertTrue(a != null && a.ok() && Arrays.equals(payload, a.body()), "a fresh client was not served");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
