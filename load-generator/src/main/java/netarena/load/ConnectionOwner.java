package netarena.load;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;

/**
 * What a connection needs from the event loop that owns it; called on that loop's thread only.
 * {@link LoadLoop} is the one implementation.
 */
interface ConnectionOwner {
    /** Opens a channel to the target with this handler. */
    ChannelFuture open(ChannelHandler handler);

    /** Runs {@code task} on the event loop after {@code delayNanos}. */
    void later(Runnable task, long delayNanos);

    /** A fresh protocol state for a new channel. */
    ClientProtocol newProtocol();

    /** True once the run has started (connection failures then reconnect rather than fail the run). */
    boolean running();

    /** True once the loop has finished: nothing reconnects. */
    boolean finished();

    /** The connection is usable: before the run this counts towards the start, during it it resumes. */
    void connectionUp(LoadConnection c);

    /** A connection could not open before the run started: the run fails. */
    void connectFailedBeforeStart(LoadConnection c, Throwable cause);

    /** Open loop: the connection is ready to send at {@link LoadConnection#nextDueNanos}. */
    void schedule(LoadConnection c);

    /** Open loop: the connection went down. */
    void unschedule(LoadConnection c);
}
