package netarena.server.selector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import netarena.server.ServerConfig;
import netarena.server.core.RequestDispatcher;
import netarena.server.core.ServerLifecycle;

/**
 * selector: java.nio reactors, readiness-based.
 * <ul>
 *   <li>one acceptor thread blocks in {@code accept()} and hands each new channel to the next reactor,
 *       round-robin;</li>
 *   <li>each of the {@code --io-threads} reactors (default: one per core) owns a Selector and its
 *       channels: it reads, decodes, runs requests (no workers) and writes;</li>
 *   <li>{@code --workers N}: requests run on workers, whose answers go onto the connection's write queue
 *       and wake its reactor; DELAY fires from a timer thread the same way;</li>
 *   <li>OP_WRITE interest only while a write queue is not empty; OP_READ is dropped while unsent output
 *       is over max-pending, which bounds memory per connection; the reactor's one 16 KiB read buffer
 *       serves all its channels, so an idle connection holds none.</li>
 * </ul>
 */
public final class SelectorServer extends ServerLifecycle {

    private Reactor[] reactors = new Reactor[0];
    private ServerSocketChannel listener;
    private int nextReactor;

    public SelectorServer(String name, ServerConfig config) {
        super(name, config, RequestDispatcher.DelayMode.TIMER);
    }

    @Override
    protected InetSocketAddress listen() throws IOException {
        int n = ioThreadsOrOnePerCore();
        reactors = new Reactor[n];
        for (int i = 0; i < n; i++) {
            reactors[i] = new Reactor(runtime, runtime.name() + "-reactor-" + (i + 1));
            reactors[i].start();
        }
        listener = ServerSocketChannel.open();
        listener.bind(config.bind().address(), config.bind().backlog());
        startAcceptor(listener::accept, this::handOff);
        return (InetSocketAddress) listener.getLocalAddress();
    }

    /**
     * Admits a new channel and gives it to the next reactor, round-robin, or closes it when refused; the
     * acceptor thread (or the admission thread, for one that found the limit reached).
     */
    private void handOff(SocketChannel channel) {
        Reactor reactor = reactors[nextReactor];
        nextReactor = (nextReactor + 1) % reactors.length;
        SelectorConnection io = new SelectorConnection(reactor, channel);
        runtime.admit(io, connection -> {
            if (connection == null) {
                closeQuietly(channel);
            } else {
                io.admitted(connection);
                reactor.adopt(io);
            }
        });
    }

    @Override
    protected void stopAccepting() {
        closeListener(listener);
    }

    @Override
    protected void stopThreads() {
        for (Reactor reactor : reactors) {
            if (reactor != null) {
                reactor.shutdown();
            }
        }
    }
}
