package netarena.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;
import netarena.protocol.Request;
import netarena.server.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a connection closes, without sockets or clocks: the test plays the model (it writes nothing until
 * told, and reports the peer's EOF) and nobody plays the reaper, so a linger can only end at the peer's EOF.
 */
class LingeringCloseTest {

    private ServerRuntime runtime;
    private RecordingIo io;
    private Connection connection;

    @BeforeEach
    void connect() {
        runtime = new ServerRuntime("selector", ServerConfig.defaults(), RequestDispatcher.DelayMode.TIMER);
        io = new RecordingIo();
        connection = new Connection(runtime, io);
        io.connection = connection;
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void readsOnWhileLingeringAndClosesAtThePeersEof() {
        connection.onBytes(ByteBuffer.wrap(FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 1, 0, new byte[8]))));
        connection.endInput(); // a graceful stop: the peer may still be sending
        io.writeAll();

        assertEquals(1, io.outputShutdowns, "output shut after the last answer");
        assertFalse(io.closed, "closed at once although the peer may still be sending");
        assertTrue(connection.readAllowed(), "the model must read on to see the peer's EOF");
        connection.onBytes(ByteBuffer.wrap(FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 2, 0, new byte[8]))));
        assertEquals(1, io.sent.size(), "a request read while lingering was answered");

        connection.onEof();
        assertTrue(io.closed, "still open after the peer's EOF: the linger waits out its second for nothing");
    }

    @Test
    void closesWithoutLingeringWhenThePeersEofCameAfterInputEnded() {
        connection.onBytes(ByteBuffer.wrap(FrameFormat.encodeRequest(new Request(Op.ECHO.code(), 1, 0, new byte[8]))));
        connection.endInput();
        connection.onEof(); // the peer's FIN, read after the stop had ended input: still the peer's
        assertFalse(io.closed, "closed before its answer was written");

        io.writeAll();
        assertTrue(io.closed);
        assertEquals(0, io.outputShutdowns, "lingered for a peer that had already ended");
    }

    @Test
    void lingersAfterBadInputUntilThePeersEof() {
        connection.onBytes(ByteBuffer.allocate(17).putInt(0, 0)); // length 0: BAD_FRAME, then close
        io.writeAll();
        assertEquals(1, io.outputShutdowns);
        assertFalse(io.closed);

        connection.onEof();
        assertTrue(io.closed);
    }

    /** A model whose writes complete only when the test says so. */
    private static final class RecordingIo implements ConnectionIo {
        Connection connection;
        final List<ByteBuffer> sent = new ArrayList<>();
        int written;
        int outputShutdowns;
        boolean closed;

        void writeAll() {
            for (int i = written; i < sent.size(); i++) {
                connection.onWritten(sent.get(i).remaining());
            }
            written = sent.size();
        }

        @Override
        public void send(ByteBuffer bytes) {
            sent.add(bytes);
        }

        @Override
        public void shutdownInput() {
        }

        @Override
        public void shutdownOutput() {
            outputShutdowns++;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                connection.onClosed();
            }
        }
    }
}
