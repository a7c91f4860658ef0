package netarena.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;

/**
 * Many connections that write echo requests and never read an answer, all held open until {@link #close}:
 * what it takes to push a server's memory, as opposed to one connection's. One thread writes round-robin on
 * non-blocking channels until the server takes no more. Shared by the server tests and the fault suite
 * (this module's test jar).
 */
public final class NeverReaders implements AutoCloseable {

    private final List<SocketChannel> channels = new ArrayList<>();
    private long pushedBytes;

    private NeverReaders() {
    }

    /**
     * Opens {@code connections} connections and writes echoes of {@code payloadBytes} on all of them until no
     * byte has been taken for {@code stall}, or for at most {@code cap} in all (a server that sheds
     * connections to free memory lets the others go on); the connections stay open.
     */
    public static NeverReaders push(InetSocketAddress address, int connections, int payloadBytes, Duration stall, Duration cap)
            throws IOException, InterruptedException {
        NeverReaders r = new NeverReaders();
        ByteBuffer[] frames = new ByteBuffer[connections];
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(address);
            channel.configureBlocking(false);
            r.channels.add(channel);
            ByteBuffer frame = ByteBuffer.allocate(FrameFormat.requestWireBytes(payloadBytes));
            FrameFormat.writeRequestHeader(frame, Op.ECHO.code(), i, 0, payloadBytes);
            frames[i] = frame.position(frame.capacity()).flip();
        }
        long lastProgress = System.nanoTime();
        long end = lastProgress + cap.toNanos();
        while (System.nanoTime() - lastProgress < stall.toNanos() && System.nanoTime() < end) {
            boolean progress = false;
            for (int i = 0; i < connections; i++) {
                if (!frames[i].hasRemaining()) {
                    frames[i].rewind();
                }
                int n;
                try {
                    n = r.channels.get(i).write(frames[i]);
                } catch (IOException closedByServer) {
                    n = 0;
                }
                if (n > 0) {
                    r.pushedBytes += n;
                    progress = true;
                }
            }
            if (progress) {
                lastProgress = System.nanoTime();
            } else {
                Thread.sleep(5);
            }
        }
        return r;
    }

    /** Bytes the server side took, all connections together. */
    public long pushedBytes() {
        return pushedBytes;
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }
}
