package netarena.server.core;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;

/**
 * The start and the graceful stop every model shares, around the three parts only the model knows: how it
 * listens and accepts, how it stops accepting, and which threads it owns.
 * <ol>
 *   <li>{@link #start}: {@link #listen}; if that fails, whatever it made is released as by a stop with no
 *       grace, and the failure is thrown;</li>
 *   <li>{@link #stop}, once, from any thread: {@link #stopAccepting}, then (when the model accepts on a thread
 *       of {@link #startAcceptor}) waits for that thread; {@link ServerRuntime#drain drains} the connections for
 *       the grace period; {@link #stopThreads}; closes the runtime (reaper, workers, timer). A server never
 *       started only remembers that it stopped.</li>
 * </ol>
 * A model extends this and is final; this class holds no I/O of its own.
 */
public abstract class ServerLifecycle implements Server {

    private static final System.Logger LOG = System.getLogger(ServerLifecycle.class.getName());
    private static final long ACCEPTOR_JOIN_MILLIS = 1000;
    private static final long TERMINATION_WAIT_MILLIS = 1000;

    protected final ServerConfig config;
    protected final ServerRuntime runtime;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean listening;
    private volatile Thread acceptor;

    /**
     * @param name      what the server's threads are named after: its model's label
     * @param delayMode how the model serves DELAY: SLEEP where each connection owns a thread, TIMER elsewhere
     */
    protected ServerLifecycle(String name, ServerConfig config, RequestDispatcher.DelayMode delayMode) {
        this.config = config;
        this.runtime = new ServerRuntime(name, config, delayMode);
    }

    /**
     * Binds, starts the model's threads and starts accepting; returns the bound address. Called once, on the
     * thread that starts the server. On failure it may leave things half made: {@link #stopAccepting} and
     * {@link #stopThreads} are called next, and must cope with what was never made.
     */
    protected abstract InetSocketAddress listen() throws IOException;

    /** Closes the listener, so that no connection is accepted any more; the stopping thread. */
    protected abstract void stopAccepting();

    /** Stops the model's own threads, once the connections are drained or closed; the stopping thread. */
    protected abstract void stopThreads();

    @Override
    public final InetSocketAddress start() throws IOException {
        try {
            InetSocketAddress bound = listen();
            listening = true;
            return bound;
        } catch (IOException | RuntimeException e) {
            stopped.set(true);
            shutDown(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public final void stop(Duration grace) {
        if (stopped.compareAndSet(false, true) && listening) {
            shutDown(grace);
        }
    }

    private void shutDown(Duration grace) {
        stopAccepting();
        joinAcceptor();
        runtime.drain(grace);
        stopThreads();
        runtime.close();
    }

    /** Whether a stop has begun (or a start failed); any thread. An accept that fails after it is not counted. */
    protected final boolean stopping() {
        return stopped.get();
    }

    @Override
    public final ServerStats.Snapshot stats() {
        return runtime.stats().snapshot();
    }

    /** The I/O threads a model with a pool of them runs: {@code --io-threads}, or one per core when 0. */
    protected final int ioThreadsOrOnePerCore() {
        return config.threads().ioOr(Runtime.getRuntime().availableProcessors());
    }

    /** A blocking accept: waits for the next connection, and throws once the listener is closed. */
    @FunctionalInterface
    protected interface BlockingAccept<S> {
        S accept() throws IOException;
    }

    /**
     * For the models that accept with a blocking call: starts the one platform thread ({@code NAME-acceptor})
     * that accepts until the stop closes the listener, and hands each connection to {@code handOff} on that
     * thread. A failed accept is counted, logged at most once per interval and followed by a short back-off.
     * Called from {@link #listen}; the stop waits for the thread after {@link #stopAccepting}.
     */
    protected final <S> void startAcceptor(BlockingAccept<S> accept, Consumer<S> handOff) {
        AcceptFailureLog failures = new AcceptFailureLog();
        Thread thread = NamedThreads.platform(runtime.name() + "-acceptor").newThread(() -> {
            while (!stopping()) {
                S connection;
                try {
                    connection = accept.accept();
                } catch (IOException e) {
                    if (stopping()) {
                        return;
                    }
                    runtime.acceptFailed(failures, e);
                    continue;
                }
                handOff.accept(connection);
            }
        });
        acceptor = thread;
        thread.start();
    }

    private void joinAcceptor() {
        Thread thread = acceptor;
        if (thread == null) {
            return;
        }
        try {
            thread.join(ACCEPTOR_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the listening socket or channel, if {@link #listen} got as far as making one, for
     * {@link #stopAccepting}. A failure is logged: the port may stay bound.
     */
    protected static void closeListener(Closeable listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the listener failed: {0}", e.toString());
        }
    }

    /** Waits a moment for a pool of threads that was told to stop; for {@link #stopThreads}. */
    @FunctionalInterface
    protected interface Termination {
        boolean await(long timeout, TimeUnit unit) throws InterruptedException;
    }

    /** Waits up to a second for {@code termination}, keeping the stopping thread's interrupt. */
    protected static void awaitTermination(Termination termination) {
        try {
            termination.await(TERMINATION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes a socket, channel or selector that is being discarded, ignoring a failure to; any thread. */
    public static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // being discarded: nothing is left to do with it
        }
    }
}
