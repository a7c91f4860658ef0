package netarena.server.selector;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import netarena.server.core.ReadSizer;
import netarena.server.core.ServerLifecycle;
import netarena.server.core.ServerRuntime;

/**
 * One reactor thread and its Selector. Other threads never touch its keys: they post a task and wake it.
 */
final class Reactor implements Runnable {

    private static final System.Logger LOG = System.getLogger(Reactor.class.getName());

    private final ServerRuntime runtime;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /**
     * The one read buffer of every channel of this reactor: a read's bytes are decoded before the next read (the
     * codec copies what it keeps of a partial request), so an idle connection holds no read buffer at all.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(ReadSizer.MAX_BYTES);
    private volatile boolean running = true;

    Reactor(ServerRuntime runtime, String name) throws IOException {
        this.runtime = runtime;
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The reactor's shared read buffer, empty and cleared; reactor thread only. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    boolean inReactorThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the reactor thread: now if already there, else after the next wake-up. */
    void execute(Runnable task) {
        if (inReactorThread()) {
            task.run();
        } else {
            tasks.add(task);
            selector.wakeup();
        }
    }

    /** Takes ownership of a freshly admitted channel; called by the acceptor (or admission) thread. */
    void adopt(SelectorConnection connection) {
        execute(() -> register(connection));
    }

    private void register(SelectorConnection connection) {
        try {
            SocketChannel channel = connection.channel();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.registered(channel.register(selector, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            connection.close();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select();
                // ready keys before tasks: an EOF read in this round closes its connection before a registration
                // task admits the next one, so a client that closes and reconnects is not refused at
                // max-connections for a close this reactor had already been told about
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    SelectorConnection connection = (SelectorConnection) key.attachment();
                    if (key.isValid() && key.isWritable()) {
                        connection.flush();
                    }
                    if (key.isValid() && key.isReadable()) {
                        connection.read();
                    }
                }
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, "reactor stopped: {0}", e.toString());
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((SelectorConnection) key.attachment()).close();
            }
            ServerLifecycle.closeQuietly(selector);
        }
    }

    void shutdown() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
