package netarena.server.selector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import netarena.server.Server;
import netarena.server.ServerConfig;
import netarena.server.ServerStats;
import netarena.server.core.AcceptFailureLog;
import netarena.server.core.NamedThreads;
import netarena.server.core.RequestDispatcher;
import netarena.server.core.ServerRuntime;

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
 *       is over max-pending, which bounds memory per connection (plus a 16 KiB read buffer).</li>
 * </ul>
 */
public final class SelectorServer implements Server {

    private final ServerConfig config;
    private final ServerRuntime runtime;
    private final AcceptFailureLog acceptFailures = new AcceptFailureLog();
    private Reactor[] reactors;
    private ServerSocketChannel listener;
    private Thread acceptor;
    private volatile boolean stopped;

    public SelectorServer(ServerConfig config) {
        this.config = config;
        this.runtime = new ServerRuntime(config, RequestDispatcher.DelayMode.TIMER);
    }

    @Override
    public InetSocketAddress start() throws IOException {
        int n = config.ioThreadsOr(Runtime.getRuntime().availableProcessors());
        reactors = new Reactor[n];
        for (int i = 0; i < n; i++) {
            reactors[i] = new Reactor(runtime, config.model().label() + "-reactor-" + (i + 1));
            reactors[i].start();
        }
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(config.bindHost(), config.port()), config.backlog());
        acceptor = NamedThreads.platform(config.model().label() + "-acceptor").newThread(this::acceptLoop);
        acceptor.start();
        return (InetSocketAddress) listener.getLocalAddress();
    }

    private void acceptLoop() {
        int next = 0;
        while (!stopped) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (stopped) {
                    return;
                }
                runtime.acceptFailed(acceptFailures, e);
                continue;
            }
            reactors[next].adopt(channel);
            next = (next + 1) % reactors.length;
        }
    }

    @Override
    public void stop(Duration grace) {
        if (stopped || listener == null) {
            stopped = true;
            return;
        }
        stopped = true;
        try {
            listener.close();
            acceptor.join(1000);
        } catch (IOException e) {
            // the listener is going away either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.drain(grace);
        for (Reactor reactor : reactors) {
            reactor.shutdown();
        }
        runtime.close();
    }

    @Override
    public ServerStats.Snapshot stats() {
        return runtime.stats().snapshot();
    }
}
