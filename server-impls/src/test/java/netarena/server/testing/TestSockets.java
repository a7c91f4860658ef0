package netarena.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The blocking client sockets the tests open: no Nagle delay, and bounded waits so a stuck server fails a test. */
public final class TestSockets {

    /** How long a connect may take before the test gives up on it, in milliseconds. */
    public static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** How long a read may wait for the server, in milliseconds. */
    public static final int READ_TIMEOUT_MILLIS = 15_000;

    private TestSockets() {
    }

    /** A socket connected to {@code address}, TCP_NODELAY on, reads bounded by {@link #READ_TIMEOUT_MILLIS}. */
    public static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
