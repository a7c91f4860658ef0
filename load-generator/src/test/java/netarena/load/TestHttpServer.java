package netarena.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import netarena.protocol.ProtocolException;
import netarena.protocol.ProtocolLimits;
import netarena.protocol.Request;
import netarena.protocol.RequestWork;
import netarena.protocol.Response;
import netarena.protocol.http.HttpServerCodec;

/**
 * A small blocking HTTP/1.1 server for the generator's tests, on the shared server codec and request
 * work (the generator's tests may not use server-impls): a platform thread per connection reads requests,
 * runs them with {@link RequestWork} and writes the answers in order. Tests can make it close every
 * connection after n answers, announcing it with {@code Connection: close} as nginx does after
 * {@code keepalive_requests}, or corrupt every n-th answer body. Loopback, ephemeral port.
 */
final class TestHttpServer implements AutoCloseable {

    private static final byte[] CLOSE_FIELD = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

    private final TestListener listener;
    private final AtomicLong answers = new AtomicLong();
    private volatile int closeAfter;
    private volatile int corruptEvery;

    private TestHttpServer() {
        listener = new TestListener("test-http", 128, this::serve, () -> false);
    }

    static TestHttpServer start() {
        return new TestHttpServer();
    }

    int port() {
        return listener.port();
    }

    long connectionsAccepted() {
        return listener.connectionsAccepted();
    }

    /** Each connection's n-th answer says {@code Connection: close}, and the server then closes it. */
    void closeAfter(int n) {
        closeAfter = n;
    }

    /** Every n-th answer, server-wide, has one body byte flipped (answers with an empty body are left alone). */
    void corruptEvery(int n) {
        corruptEvery = n;
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket s) {
        HttpServerCodec codec = new HttpServerCodec(ProtocolLimits.defaults());
        byte[] buf = new byte[64 * 1024];
        int answered = 0;
        try (s; InputStream in = s.getInputStream(); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                List<Request> requests = new ArrayList<>();
                codec.decode(ByteBuffer.wrap(buf, 0, n), requests::add);
                for (Request r : requests) {
                    answered++;
                    boolean last = closeAfter > 0 && answered == closeAfter;
                    write(out, codec.encode(answer(r)), last);
                    if (last) {
                        // as nginx does: FIN after the answer, then read and drop until the client closes, so
                        // the unread pipelined requests do not turn the close into a reset
                        out.flush();
                        s.shutdownOutput();
                        while (in.read(buf) >= 0) {
                            // drop
                        }
                        return;
                    }
                }
                out.flush();
            }
        } catch (IOException | ProtocolException e) {
            // the client went away or sent garbage: this connection ends
        }
    }

    private Response answer(Request r) {
        Response rejected = RequestWork.rejection(r);
        Response response = rejected != null ? rejected : RequestWork.run(r);
        int corrupt = corruptEvery;
        if (corrupt > 0 && answers.incrementAndGet() % corrupt == 0 && response.payload().length > 0) {
            byte[] p = response.payload().clone();
            p[p.length / 2] ^= 0x5A;
            response = new Response(response.status(), response.id(), p);
        }
        return response;
    }

    /** Writes an encoded answer; {@code close} adds {@code Connection: close} right after the status line. */
    private static void write(OutputStream out, ByteBuffer answer, boolean close) throws IOException {
        byte[] b = new byte[answer.remaining()];
        answer.get(b);
        if (!close) {
            out.write(b);
            return;
        }
        int endOfStatusLine = 0;
        while (b[endOfStatusLine] != '\n') {
            endOfStatusLine++;
        }
        out.write(b, 0, endOfStatusLine + 1);
        out.write(CLOSE_FIELD);
        out.write(b, endOfStatusLine + 1, b.length - endOfStatusLine - 1);
    }
}
