package netarena.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.protocol.Response;
import netarena.protocol.Status;

/** A blocking frame client for tests: write requests, read responses, one socket. Not thread-safe. */
final class SmokeClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    SmokeClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(server, 5_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    void send(Op op, long id, long arg, byte[] payload) throws IOException {
        out.write(FrameFormat.encodeRequest(new Request(op.code(), id, arg, payload)));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** The next response, or null at EOF before any byte of one. */
    Response receive() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        Status status = Status.fromCode(in.readUnsignedByte());
        long id = in.readLong();
        byte[] payload = new byte[length - FrameFormat.RESPONSE_FIXED_BYTES];
        in.readFully(payload);
        return new Response(status, id, payload);
    }

    /** True when the server closed: EOF (or a reset) before any further byte. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
