package netarena.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.http.HttpServerCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The shared HTTP/1.1 codec's cost per request: parsing a TechEmpower-style plaintext request (as wrk
 * sends it) and writing its answer. Expect around a microsecond; compare with FrameCodecBenchmark to see
 * what the text protocol costs over the binary one.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar HttpParseBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpParseBenchmark extends BenchmarkDefaults {

    private static final byte[] REQUEST = ("GET /plaintext HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "Accept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\r\n"
            + "Connection: keep-alive\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private HttpServerCodec codec;
    private ByteBuffer in;

    @Setup
    public void setUp() {
        codec = new HttpServerCodec(ProtocolLimits.defaults());
        in = ByteBuffer.wrap(REQUEST);
    }

    @Benchmark
    public void parseAndAnswerPlaintext(Blackhole bh) {
        in.rewind();
        codec.decode(in, (Request r) -> bh.consume(codec.encode(netarena.protocol.RequestWork.run(r))));
    }
}
