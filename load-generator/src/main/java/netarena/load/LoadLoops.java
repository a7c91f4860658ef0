package netarena.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The run's event loops, as the controller sees them: it hands them work ({@link #connectAll},
 * {@link #startAll}, {@link #finishAll}) and reads what they record. Called by the controller thread.
 */
final class LoadLoops {

    private final List<LoadLoop> loops = new ArrayList<>();

    /** One {@link LoadLoop} per event loop of {@code group}, the plan's connections dealt round-robin. */
    LoadLoops(MultiThreadIoEventLoopGroup group, Transport transport, LoadPlan plan, InetSocketAddress target,
            RunControl control, LoadLoop.ConnectListener listener) {
        Bootstrap base = new Bootstrap()
                .channel(transport.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) plan.bounds().connectTimeout().toMillis());
        ClientProtocol.Factory protocols = ClientProtocol.factory(plan);
        for (EventExecutor executor : group) {
            EventLoop eventLoop = (EventLoop) executor;
            loops.add(new LoadLoop(eventLoop, base.clone(eventLoop), target, plan, control, protocols, listener));
        }
        for (int slot = 0; slot < plan.limits().connections(); slot++) {
            loops.get(slot % loops.size()).addConnection(slot);
        }
    }

    void connectAll() {
        for (LoadLoop loop : loops) {
            loop.eventLoop.execute(loop::connectAll);
        }
    }

    /** The clock marks of the run's control are set: the loops start sending. */
    void startAll() {
        for (LoadLoop loop : loops) {
            loop.eventLoop.execute(loop::start);
        }
    }

    /** A warmup at full speed is over and the control's schedule origin is set: the loops pace from it. */
    void beginPacingAll() {
        for (LoadLoop loop : loops) {
            loop.eventLoop.execute(loop::beginPacing);
        }
    }

    /** A latch each event loop counts down once it has run everything queued before it. */
    CountDownLatch barrier() {
        CountDownLatch latch = new CountDownLatch(loops.size());
        for (LoadLoop loop : loops) {
            loop.eventLoop.execute(latch::countDown);
        }
        return latch;
    }

    long outstanding() {
        return loops.stream().mapToLong(l -> l.stats.outstanding()).sum();
    }

    /**
     * Has every loop stop, tally what is left and close its connections.
     *
     * @return false when some loop did not finish within {@code graceMillis}
     */
    boolean finishAll(long graceMillis) {
        CountDownLatch finished = new CountDownLatch(loops.size());
        for (LoadLoop loop : loops) {
            loop.eventLoop.execute(() -> {
                try {
                    loop.finish();
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            return finished.await(graceMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What each loop reported when it finished; {@link LoadLoop.FinishFigures#NONE} for one that did not. */
    List<LoadLoop.FinishFigures> finishFigures() {
        return loops.stream().map(l -> l.finishFigures != null ? l.finishFigures : LoadLoop.FinishFigures.NONE).toList();
    }

    List<LoopStats> stats() {
        return loops.stream().map(l -> l.stats).toList();
    }

    /** One kind of recorder (latency, say) of every loop. */
    List<SingleWriterRecorder> recorders(Function<LatencyRecorder, SingleWriterRecorder> kind) {
        return loops.stream().map(l -> kind.apply(l.stats.recorders)).toList();
    }
}
