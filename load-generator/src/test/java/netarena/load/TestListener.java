package netarena.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The listening half of the generator's test servers: a loopback socket on an ephemeral port, a daemon
 * thread that accepts, and a daemon platform thread per connection that runs the server's handler. It
 * knows the open connections, so a test can drop them all and the server can go away entirely.
 */
final class TestListener implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final Consumer<Socket> handler;
    private final BooleanSupplier refusing;
    private final String name;

    /**
     * @param name     the threads' name prefix
     * @param handler  serves one connection on its own thread and closes it; the connection is forgotten
     *                 when the handler returns
     * @param refusing asked on each accept: while true, a new connection is closed at once
     * @throws UncheckedIOException when no loopback port can be bound, so a test can start one in a field
     */
    TestListener(String name, int backlog, Consumer<Socket> handler, BooleanSupplier refusing) {
        try {
            this.listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
        this.handler = handler;
        this.refusing = refusing;
        this.name = name;
        Thread acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    long connectionsAccepted() {
        return accepted.get();
    }

    /** Closes every connection now; the listener stays, so clients can reconnect. */
    void dropConnections() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    /** Closes the listener and every connection. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                accepted.incrementAndGet();
                if (refusing.getAsBoolean()) {
                    closeQuietly(s);
                    continue;
                }
                s.setTcpNoDelay(true);
                sockets.add(s);
                if (listener.isClosed()) {
                    // close() ran between accept and add: its sweep of the sockets missed this one
                    closeQuietly(s);
                    return;
                }
                Thread t = new Thread(() -> serve(s), name + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            handler.accept(s);
        } finally {
            sockets.remove(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
