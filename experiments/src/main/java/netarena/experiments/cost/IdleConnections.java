package netarena.experiments.cost;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.WireProtocol;
import netarena.protocol.http.HttpRequestEncoder;

/**
 * Connections held open and idle against a server, each touched with one echo request (its first answer
 * bytes read), so that the server has set up everything a served connection holds: buffers, a thread for
 * a thread-per-client model, its state. Blocking sockets, used by one thread; {@link #close} closes all.
 * Only the first bytes of each answer are read: what is left waits in the kernel, not in the server.
 */
final class IdleConnections implements AutoCloseable {

    /** The touch: a small echo, so that a connection's buffers are those of a served one. */
    private static final int TOUCH_PAYLOAD_BYTES = 64;
    private static final int READ_BUFFER_BYTES = 4_096;
    /** A touch unanswered after this fails the measurement (a thread pool smaller than the connections, say). */
    private static final int ANSWER_TIMEOUT_MILLIS = 2_000;

    private final InetSocketAddress server;
    private final byte[] touch;
    private final List<Socket> open = new ArrayList<>();
    private final byte[] answer = new byte[READ_BUFFER_BYTES];

    IdleConnections(InetSocketAddress server, WireProtocol protocol) {
        this.server = server;
        byte[] payload = new byte[TOUCH_PAYLOAD_BYTES];
        this.touch = protocol == WireProtocol.HTTP
                ? HttpRequestEncoder.echo(server.getHostString() + ":" + server.getPort(), false, payload)
                : FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 1, 0, payload));
    }

    /** Opens connections, each touched, until {@code total} are open. */
    void growTo(int total) throws IOException {
        while (open.size() < total) {
            Socket c = new Socket();
            open.add(c);
            c.setTcpNoDelay(true);
            c.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            c.connect(server, ANSWER_TIMEOUT_MILLIS);
            c.getOutputStream().write(touch);
            try {
                if (c.getInputStream().read(answer) < 0) {
                    throw new IOException("the server closed idle connection " + open.size() + " instead of answering");
                }
            } catch (SocketTimeoutException e) {
                throw new IOException("idle connection " + open.size() + " got no answer within "
                        + ANSWER_TIMEOUT_MILLIS + " ms (a thread pool smaller than the connections?)", e);
            }
        }
    }

    int size() {
        return open.size();
    }

    @Override
    public void close() {
        for (Socket c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
        open.clear();
    }
}
