package netarena.bench;

import java.nio.ByteBuffer;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.Status;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The shared frame codec's cost per frame: decoding a request and encoding a response, the work every
 * model does per request before any I/O. Expect tens of nanoseconds plus the payload copy.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar FrameCodecBenchmark -p payloadBytes=64}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
public class FrameCodecBenchmark extends BenchmarkDefaults {

    @Param({"0", "64", "4096"})
    int payloadBytes;

    private ByteBuffer requestBytes;
    private FrameDecoder<Request> decoder;
    private Response response;

    @Setup
    public void setUp() {
        requestBytes = ByteBuffer.wrap(FrameFormat.encodeRequest(new Request(1, 42, 0, new byte[payloadBytes])));
        decoder = FrameDecoder.requests(FrameFormat.DEFAULT_MAX_FRAME_BYTES);
        response = new Response(Status.OK, 42, new byte[payloadBytes]);
    }

    @Benchmark
    public Request decodeRequest() {
        requestBytes.rewind();
        return decoder.decode(requestBytes);
    }

    @Benchmark
    public ByteBuffer encodeResponse() {
        return FrameFormat.encodeResponse(response);
    }
}
