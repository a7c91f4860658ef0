package netarena.server.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import netarena.server.ServerConfig;

/**
 * The server of the models that run each connection on a thread of its own (thread-per-client, virtual);
 * they differ only in the executor that provides those threads. One platform thread accepts with a
 * blocking {@link ServerSocket}; DELAY sleeps on the connection's thread.
 */
public final class BlockingSocketServer extends ServerLifecycle {

    private final Supplier<ExecutorService> connectionThreads;
    private final ThreadFactory writerThreads;
    private ServerSocket listener;
    private ExecutorService executor;

    /**
     * @param name              what the threads are named after: the model's label
     * @param connectionThreads makes, at start and before the bind, the executor that runs one
     *                          {@code readLoop} per connection
     * @param writerThreads     makes a connection's writer thread, of the same kind as its reader, when
     *                          workers answer its requests (see {@link BlockingSocketIo})
     */
    public BlockingSocketServer(String name, ServerConfig config, Supplier<ExecutorService> connectionThreads,
            ThreadFactory writerThreads) {
        super(name, config, RequestDispatcher.DelayMode.SLEEP);
        this.connectionThreads = connectionThreads;
        this.writerThreads = runtime.dispatcher().hasWorkers() ? writerThreads : null;
    }

    @Override
    protected InetSocketAddress listen() throws IOException {
        executor = connectionThreads.get();
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(config.bind().address(), config.bind().backlog());
        startAcceptor(listener::accept, this::serve);
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Sets the socket up and hands it to a connection thread; the acceptor thread. */
    private void serve(Socket socket) {
        BlockingSocketIo io;
        try {
            socket.setTcpNoDelay(true);
            io = new BlockingSocketIo(socket, writerThreads);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        io.admit(runtime, () -> {
            try {
                executor.execute(io::readLoop);
            } catch (RejectedExecutionException stopping) {
                // admitted just as the stop shut the executor down: close it as a connection, so that it
                // is counted closed and leaves the live set, not only as a socket
                io.close();
            }
        });
    }

    @Override
    protected void stopAccepting() {
        closeListener(listener);
    }

    @Override
    protected void stopThreads() {
        if (executor != null) {
            executor.shutdownNow();
            awaitTermination(executor::awaitTermination);
        }
    }
}
