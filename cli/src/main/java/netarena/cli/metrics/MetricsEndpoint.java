package netarena.cli.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Supplier;
import netarena.server.ServerStats;

/**
 * {@code serve --metrics-port}: an HTTP endpoint, {@code /metrics}, serving a running server's counters
 * in the Prometheus text format (Prometheus Java client's {@link HTTPServer}, on its own thread pool,
 * never the server's threads). Bound to the server's own address, so a loopback server's metrics stay
 * on loopback too. One registry per endpoint: nothing global.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final HTTPServer http;

    private MetricsEndpoint(HTTPServer http) {
        this.http = http;
    }

    /**
     * Binds {@code bind:port} (0 for any free port) and starts serving.
     *
     * @throws IOException when the port cannot be bound; the message names it
     */
    public static MetricsEndpoint start(InetAddress bind, int port, String model, Supplier<ServerStats.Snapshot> stats)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new ServerMetricsCollector(model, stats));
        try {
            return new MetricsEndpoint(HTTPServer.builder().inetAddress(bind).port(port).registry(registry)
                    .buildAndStart());
        } catch (IOException e) {
            throw new IOException("metrics port " + bind.getHostAddress() + ":" + port + " cannot be bound: "
                    + e.getMessage(), e);
        }
    }

    /** The bound port (the real one when 0 was asked). */
    public int port() {
        return http.getPort();
    }

    @Override
    public void close() {
        http.close();
    }
}
