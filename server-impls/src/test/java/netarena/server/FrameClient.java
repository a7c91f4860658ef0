package netarena.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import netarena.protocol.FrameDecoder;
import netarena.protocol.FrameFormat;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.server.testing.TestSockets;

/** A blocking test client over the shared frame codec. Not thread-safe: one per test thread. */
final class FrameClient implements AutoCloseable {

    private static final int MAX_RESPONSE = 2 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameDecoder<Response> decoder = FrameDecoder.responses(MAX_RESPONSE);
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

    FrameClient(InetSocketAddress address) throws IOException {
        socket = TestSockets.connect(address);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    void send(int op, long id, long arg, byte[] payload) throws IOException {
        out.write(FrameFormat.encodeRequest(new Request(op, id, arg, payload)));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** The next response, or null at EOF. */
    Response receive() throws IOException {
        while (true) {
            Response r = decoder.decode(buffer);
            if (r != null) {
                return r;
            }
            buffer.clear();
            int n = in.read(buffer.array(), 0, buffer.capacity());
            if (n < 0) {
                buffer.limit(0);
                return null;
            }
            buffer.limit(n);
        }
    }

    Response call(int op, long id, long arg, byte[] payload) throws IOException {
        send(op, id, arg, payload);
        return receive();
    }

    /** True when the server has closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByServer() throws IOException {
        try {
            return receive() == null;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Closes every client of a test, also those after one whose close failed (the first failure is thrown). */
    static void closeAll(Iterable<FrameClient> clients) throws IOException {
        IOException failed = null;
        for (FrameClient client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
