package netarena.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.Status;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestEncoder;
import netarena.protocol.http.HttpResponse;
import netarena.protocol.http.HttpResponseDecoder;
import netarena.server.testing.TestSockets;

/**
 * A blocking test client for either protocol, over the shared codecs: echoes out, answers in, and whether
 * the server stopped at a message boundary. One thread reads, one may write.
 */
final class WireClient implements AutoCloseable {

    /**
     * An answer: the id (frames; -1 for HTTP, whose answers come in order), OK or not, the status (the
     * frame status code, or the HTTP status code) and the body.
     */
    record Answer(long id, boolean ok, int code, byte[] body) {

        /** The worker queue was full: frame status BUSY, or HTTP 503. */
        boolean busy() {
            return code == Status.BUSY.code() || code == 503;
        }
    }

    private final WireProtocol protocol;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameDecoder<Response> frames = FrameDecoder.responses(2 << 20);
    private final HttpResponseDecoder http = new HttpResponseDecoder(ProtocolLimits.defaults());
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

    WireClient(InetSocketAddress address, WireProtocol protocol) throws IOException {
        this.protocol = protocol;
        socket = TestSockets.connect(address);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The bytes of an echo of {@code payload}: a frame with {@code id}, or {@code POST /echo}. */
    static byte[] echo(WireProtocol protocol, long id, byte[] payload) {
        return protocol == WireProtocol.FRAME ? FrameFormat.encodeRequest(new Request(Op.ECHO.code(), id, 0, payload))
                : HttpRequestEncoder.echo("t", false, payload);
    }

    /** A request that waits {@code micros} on a timer (DELAY), then answers empty. */
    static byte[] delay(WireProtocol protocol, long id, long micros) {
        return wait(protocol, Op.DELAY, id, micros);
    }

    /** DELAY (a timer waits) or BLOCK (the running thread sleeps) for {@code micros}. */
    static byte[] wait(WireProtocol protocol, Op op, long id, long micros) {
        return protocol == WireProtocol.FRAME ? FrameFormat.encodeRequest(new Request(op.code(), id, micros, new byte[0]))
                : HttpRequestEncoder.wait(op, "t", false, micros);
    }

    Socket socket() {
        return socket;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** The next answer, or null at EOF. */
    Answer receive() throws IOException {
        while (true) {
            Answer a = decode();
            if (a != null) {
                return a;
            }
            buffer.compact();
            int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
            if (n < 0) {
                buffer.flip();
                return null;
            }
            buffer.position(buffer.position() + n).flip();
        }
    }

    private Answer decode() {
        if (protocol == WireProtocol.FRAME) {
            Response r = frames.decode(buffer);
            return r == null ? null : new Answer(r.id(), r.status() == Status.OK, r.status().code(), r.payload());
        }
        HttpResponse r = http.decode(buffer);
        return r == null ? null : new Answer(-1, r.statusCode() == 200, r.statusCode(), r.body());
    }

    /** True when no partial answer is held: what the server wrote ended at a message boundary. */
    boolean atBoundary() {
        return !buffer.hasRemaining()
                && (protocol == WireProtocol.FRAME ? frames.atFrameBoundary() : http.atMessageBoundary());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
