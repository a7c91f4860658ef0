package netarena.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One echo round trip through a real server of each model, in process, over loopback: the I/O model's
 * cost per request with the protocol and the client held constant. Each benchmark thread drives its own
 * connection, so the number of connections is JMH's thread count ({@code -t}). Throughput mode gives
 * round trips per microsecond; sample-time mode gives the latency percentiles.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar RoundTripBenchmark -t 4 -p model=selector,async -p ioThreads=1}
 *
 * <p>The {@code model} values are the registry's labels ({@link ServerModel}); a test keeps them in step.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@Threads(4)
public class RoundTripBenchmark extends BenchmarkDefaults {

    /** The server under test, shared by every benchmark thread of a trial. */
    @State(Scope.Benchmark)
    public static class ServerState {

        @Param({"thread-per-client", "selector", "async", "virtual", "netty-nio", "netty-epoll", "netty-io_uring"})
        String model;

        @Param({"1", "2"})
        int ioThreads;

        @Param({"0"})
        int workers;

        @Param({"64"})
        int payloadBytes;

        Server server;
        InetSocketAddress address;

        @Setup(Level.Trial)
        public void start() throws IOException {
            ServerModel serverModel = ServerModel.fromLabel(model);
            // thread-per-client's io-threads is a connection pool: a pool smaller than -t would starve threads
            int io = serverModel == ServerModel.THREAD_PER_CLIENT ? 0 : ioThreads;
            ServerConfig config = ServerConfig.builder().threads(io, workers).build();
            server = serverModel.create(config);
            address = server.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            server.stop(Duration.ofSeconds(1));
        }
    }

    /** One connection per benchmark thread, with its request bytes prepared once. */
    @State(Scope.Thread)
    public static class ClientState {

        Socket socket;
        InputStream in;
        OutputStream out;
        byte[] request;
        byte[] response;

        @Setup(Level.Trial)
        public void connect(ServerState server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(server.address, 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            byte[] payload = new byte[server.payloadBytes];
            Arrays.fill(payload, (byte) 'x');
            request = FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 1, 0, payload));
            response = new byte[FrameFormat.responseWireBytes(server.payloadBytes)];
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close();
        }
    }

    @Benchmark
    public byte[] echoRoundTrip(ClientState client) throws IOException {
        client.out.write(client.request);
        int read = 0;
        while (read < client.response.length) {
            int n = client.in.read(client.response, read, client.response.length - read);
            if (n < 0) {
                throw new IOException("server closed the connection after " + read + " bytes of an answer");
            }
            read += n;
        }
        if (client.response[FrameFormat.LENGTH_FIELD_BYTES] != 0) {
            throw new IOException("answer status " + client.response[FrameFormat.LENGTH_FIELD_BYTES] + ", expected OK");
        }
        return client.response;
    }
}
