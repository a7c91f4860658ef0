package netarena.experiments.cost;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in server for {@link ConnectionMemoryTest}, run in its own JVM: for every connection it keeps
 * {@value #HEAP_KB} KiB on the heap and {@value #NATIVE_KB} KiB of touched direct memory, answers the
 * connection's first bytes with one byte, and keeps the connection. One thread; prints its port.
 */
public final class PerConnectionAllocator {

    static final int HEAP_KB = 64;
    static final int NATIVE_KB = 32;

    private PerConnectionAllocator() {
    }

    public static void main(String[] args) throws IOException {
        List<Object> kept = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 4_096, InetAddress.getLoopbackAddress())) {
            System.out.println(listener.getLocalPort());
            System.out.flush();
            byte[] request = new byte[4_096];
            while (true) {
                Socket s = listener.accept();
                byte[] heap = new byte[HEAP_KB * 1_024];
                heap[heap.length - 1] = 1;
                ByteBuffer direct = ByteBuffer.allocateDirect(NATIVE_KB * 1_024);
                for (int i = 0; i < direct.capacity(); i += 512) {
                    direct.put(i, (byte) 1); // touched, so resident
                }
                kept.add(List.of(s, heap, direct));
                if (s.getInputStream().read(request) > 0) {
                    s.getOutputStream().write(1);
                }
            }
        }
    }
}
