package netarena.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import netarena.protocol.FrameFormat;
import netarena.protocol.Op;

/** A client that writes echo requests and never reads an answer. */
final class NeverReadingClient {

    private NeverReadingClient() {
    }

    /**
     * Writes echoes of {@code payloadBytes} until {@code totalBytes} are written or no byte has been taken
     * for {@code stall}; returns the bytes the server side took. The connection stays open until return.
     */
    static long pushEchoes(InetSocketAddress address, int payloadBytes, long totalBytes, Duration stall)
            throws IOException, InterruptedException {
        try (SocketChannel channel = SocketChannel.open(address)) {
            channel.configureBlocking(false);
            ByteBuffer frame = ByteBuffer.allocate(FrameFormat.requestWireBytes(payloadBytes));
            FrameFormat.writeRequestHeader(frame, Op.ECHO.code(), 1, 0, payloadBytes);
            frame.position(frame.capacity()).flip();
            long written = 0;
            long lastProgress = System.nanoTime();
            while (written < totalBytes && System.nanoTime() - lastProgress < stall.toNanos()) {
                if (!frame.hasRemaining()) {
                    frame.rewind();
                }
                int n = channel.write(frame);
                if (n > 0) {
                    written += n;
                    lastProgress = System.nanoTime();
                } else {
                    Thread.sleep(5);
                }
            }
            return written;
        }
    }
}
