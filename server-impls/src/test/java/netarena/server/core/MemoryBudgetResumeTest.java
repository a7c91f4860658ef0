package netarena.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.server.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * How the memory budget hands paused connections back, without sockets or threads: the test plays the
 * reaper (calls {@link MemoryBudget#tick}) and a model that re-checks on the reaper's thread, as async does.
 */
class MemoryBudgetResumeTest {

    /** Enough waiters that some share a hash bin in the paused set, which is what made the walk endless. */
    private static final int WAITERS = 64;
    private static final long BUDGET = 1 << 20;
    private static final int PARTIAL_PAYLOAD = 2 * ServerConfig.Limits.FAIR_SHARE_BYTES;

    /** What the first connection resumed does with the room it finds: reads into it until it is spent. */
    private Runnable refillOnFirstResume;

    @Test
    void resumesEachWaiterOnceATickEvenWhenTheFirstResumedFillsTheBudgetAgain() {
        ServerConfig config = ServerConfig.builder().maxBufferedBytes(BUDGET).build();
        ServerRuntime runtime = new ServerRuntime("async", config, RequestDispatcher.DelayMode.TIMER);
        try {
            MemoryBudget memory = runtime.memory();
            List<Connection> connections = new ArrayList<>();
            List<RecheckingIo> ios = new ArrayList<>();
            for (int i = 0; i < WAITERS; i++) {
                RecheckingIo io = new RecheckingIo();
                Connection connection = new Connection(runtime, io);
                io.connection = connection;
                connection.onBytes(partialFrame(PARTIAL_PAYLOAD)); // the decoder holds it: past the fair share
                connections.add(connection);
                ios.add(io);
            }
            for (Connection connection : connections) {
                assertFalse(connection.readAllowed(), "past its fair share with the budget spent, it must wait");
                assertTrue(memory.isPaused(connection));
            }

            // the hoarders leave: room again; the first connection resumed reads at once and spends it again
            long hoarded = memory.heldBytes();
            memory.add(-hoarded);
            refillOnFirstResume = () -> memory.add(hoarded);
            ios.forEach(io -> io.onlyOnce = true);
            memory.tick(0, connections);

            for (int i = 0; i < WAITERS; i++) {
                assertEquals(1, ios.get(i).resumes, "resumes of waiter " + i + " in one tick");
                assertTrue(memory.isPaused(connections.get(i)), "waiter " + i + " must wait for the next tick");
            }

            // the next tick finds room and lets every one of them read
            memory.add(-hoarded);
            ios.forEach(io -> io.resumes = 0);
            memory.tick(0, connections);
            for (int i = 0; i < WAITERS; i++) {
                assertEquals(1, ios.get(i).resumes, "resumes of waiter " + i + " in the second tick");
                assertTrue(ios.get(i).lastRecheckAllowed, "waiter " + i + " may read once the budget has room");
                assertFalse(memory.isPaused(connections.get(i)));
            }
        } finally {
            runtime.close();
        }
    }

    /** The first {@code payloadBytes} of an echo whose payload is twice as long. */
    private static ByteBuffer partialFrame(int payloadBytes) {
        ByteBuffer frame = ByteBuffer.allocate(FrameFormat.requestWireBytes(payloadBytes));
        FrameFormat.writeRequestHeader(frame, Op.ECHO.code(), 1, 0, 2 * payloadBytes);
        return frame.position(frame.capacity()).flip();
    }

    /**
     * A model that, like async, re-checks {@link Connection#readAllowed} on the thread that resumes it; a
     * refusal pauses the connection again. Refuses to be resumed twice in a tick (when {@code onlyOnce}),
     * so an endless walk fails here instead of hanging the test.
     */
    private final class RecheckingIo implements ConnectionIo {
        Connection connection;
        boolean onlyOnce;
        int resumes;
        boolean lastRecheckAllowed;

        @Override
        public void resumeReading() {
            resumes++;
            if (onlyOnce && resumes > 1) {
                throw new AssertionError("resumed " + resumes + " times in one tick: the walk of the paused set "
                        + "meets the connections it pauses again");
            }
            if (refillOnFirstResume != null) {
                refillOnFirstResume.run();
                refillOnFirstResume = null;
            }
            lastRecheckAllowed = connection.readAllowed();
        }

        @Override
        public void send(ByteBuffer bytes) {
        }

        @Override
        public void shutdownInput() {
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void close() {
            connection.onClosed();
        }
    }
}
