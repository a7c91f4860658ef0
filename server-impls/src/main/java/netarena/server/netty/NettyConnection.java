package netarena.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import netarena.server.core.Connection;
import netarena.server.core.ConnectionIo;
import netarena.server.core.ServerRuntime;

/**
 * One Netty channel seen as a {@link ConnectionIo}: the only handler in its pipeline. It hands the bytes
 * the event loop reads to the shared {@link Connection} (no Netty codec: the protocol lives in the core)
 * and writes the answers with {@code writeAndFlush}.
 *
 * <p>Threads: the handler callbacks and the write listeners run on the channel's event loop;
 * {@link #send}, {@link #shutdownInput} and {@link #close} are called from any thread (a worker or the
 * DELAY timer); every write happens on the loop, in the order {@link #send} was called.
 *
 * <p>Reading is driven by auto-read, which is on only while the shared connection allows it
 * ({@link Connection#readAllowed}: input not ended and room to hold more, or a lingering close waiting for
 * the peer's EOF) and Netty's outbound buffer is under its high water mark ({@link Channel#isWritable}), which
 * no longer matters once the output is shut. Every change that can allow reading again (a write completing, the
 * writability flipping back) happens on the event loop, which re-checks there, so no resume is lost.
 */
final class NettyConnection extends ChannelInboundHandlerAdapter implements ConnectionIo {

    private static final System.Logger LOG = System.getLogger(NettyConnection.class.getName());

    private final ServerRuntime runtime;
    private final Channel channel;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Answers handed to the event loop as tasks and not yet written: see {@link #send}. */
    private final AtomicInteger queuedSends = new AtomicInteger();
    private final Runnable updateReading = this::updateReading;
    /** Output shut for a lingering close; loop only. Netty drops the outbound buffer then, so isWritable is false. */
    private boolean outputShut;
    /**
     * Set on the event loop in channelActive, before any read; null when refused. Volatile because
     * {@link #close} may run on the thread that ends a grace period.
     */
    private volatile Connection connection;

    NettyConnection(ServerRuntime runtime, Channel channel) {
        this.runtime = runtime;
        this.channel = channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        runtime.admit(this, this::admittedOffLoop);
        if (connection == null && !closed.get()) {
            channel.config().setAutoRead(false); // admission waits on the admission thread: no read until then
        }
    }

    /** The admission's answer, on the loop (at once) or on the admission thread (later). */
    private void admittedOffLoop(Connection admitted) {
        if (channel.eventLoop().inEventLoop()) {
            admitted(admitted);
            return;
        }
        try {
            channel.eventLoop().execute(() -> admitted(admitted));
        } catch (RejectedExecutionException e) {
            if (admitted != null) {
                admitted.onClosed(); // the loop is shutting down and closes its channels
            }
        }
    }

    /** Sets the connection up, or closes a refused one; loop only. */
    private void admitted(Connection admitted) {
        if (admitted == null) {
            closed.set(true);
            channel.close();
            return;
        }
        connection = admitted;
        if (closed.get() || !channel.isActive()) {
            admitted.onClosed(); // closed while it waited: channelInactive saw no connection to count out
            channel.close();
            return;
        }
        updateReading();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (connection == null) {
                return;
            }
            if (bytes.nioBufferCount() == 1) {
                connection.onBytes(bytes.nioBuffer());
            } else {
                for (ByteBuffer part : bytes.nioBuffers()) {
                    connection.onBytes(part);
                }
            }
        } finally {
            bytes.release();
        }
        updateReading();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        // with ALLOW_HALF_CLOSURE, the peer's EOF arrives as this event instead of a close
        if (event instanceof ChannelInputShutdownEvent && connection != null) {
            connection.onEof();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed.set(true);
        if (connection != null) {
            connection.onClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // This connection is done, the others are not. A reset or a failed read is the peer's doing and
        // ordinary under load; anything else is a fault in the server and must not pass unseen.
        if (cause instanceof IOException) {
            LOG.log(System.Logger.Level.DEBUG, "closing connection after {0}", cause.toString());
        } else {
            LOG.log(System.Logger.Level.WARNING, "closing connection after an unexpected failure", cause);
        }
        close();
    }

    @Override
    public void send(ByteBuffer bytes) {
        if (closed.get()) {
            return;
        }
        // Answers must leave in the order send() is called (HTTP pipelining). A write from another thread
        // becomes a task on the loop, while one from the loop goes out at once, so the loop writes
        // directly only when no task of an earlier answer is still waiting; otherwise it queues behind it.
        if (channel.eventLoop().inEventLoop() && queuedSends.get() == 0) {
            write(bytes);
            return;
        }
        queuedSends.incrementAndGet();
        try {
            channel.eventLoop().execute(() -> {
                queuedSends.decrementAndGet();
                write(bytes);
            });
        } catch (RejectedExecutionException e) {
            queuedSends.decrementAndGet();
            close();
        }
    }

    private void write(ByteBuffer bytes) {
        if (closed.get()) {
            return;
        }
        int n = bytes.remaining();
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                connection.onWritten(n);
                updateReading();
            } else {
                close();
            }
        });
    }

    @Override
    public void shutdownInput() {
        onLoop(updateReading);
    }

    @Override
    public void shutdownOutput() {
        if (channel instanceof DuplexChannel duplex && !closed.get()) {
            duplex.shutdownOutput().addListener((ChannelFutureListener) done -> {
                if (done.isSuccess()) {
                    outputShut = true;
                    updateReading(); // the close lingers: read on to see the peer's EOF
                } else {
                    close();
                }
            });
        }
    }

    @Override
    public void resumeReading() {
        onLoop(updateReading);
    }

    /**
     * Starts closing; {@link Connection#onClosed} follows from {@link #channelInactive} once Netty has
     * really closed the socket (io_uring closes asynchronously), so a graceful stop does not shut the
     * event loops down under closes still in flight.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            channel.close();
            Connection c = connection;
            if (c != null && channel.eventLoop().isShuttingDown()) {
                c.onClosed();
            }
        }
    }

    /** Turns auto-read on or off to match what the connection and the outbound buffer allow; loop only. */
    private void updateReading() {
        if (connection == null || closed.get()) {
            return;
        }
        connection.readHeld();
        boolean read = connection.readAllowed() && (outputShut || channel.isWritable());
        ChannelConfig config = channel.config();
        if (config.isAutoRead() != read) {
            config.setAutoRead(read);
        }
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else if (!closed.get()) {
            try {
                channel.eventLoop().execute(task);
            } catch (RejectedExecutionException e) {
                // the loop is shutting down and closes its channels: nothing left to read
            }
        }
    }
}
