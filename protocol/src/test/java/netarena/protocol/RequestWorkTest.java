package netarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RequestWorkTest {

    @Test
    void cpuFollowsTheSpecifiedRecurrence() {
        assertEquals(5, RequestWork.cpu(5, 0));
        assertEquals(5 * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL, RequestWork.cpu(5, 1));
        long x = 5;
        for (int i = 0; i < 1000; i++) {
            x = x * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL;
        }
        assertEquals(x, RequestWork.cpu(5, 1000));
    }

    @Test
    void cpuStopsAtTheNextCheckOnceItsThreadIsInterrupted() {
        long chunk = RequestWork.INTERRUPT_CHECK_UNITS;
        assertEquals(RequestWork.cpu(9, chunk), interrupted(() -> RequestWork.cpu(9, RequestWork.MAX_CPU_UNITS)),
                "an interrupted thread stops after the first chunk");
        assertEquals(RequestWork.cpu(9, chunk / 2), interrupted(() -> RequestWork.cpu(9, chunk / 2)),
                "work shorter than a chunk runs whole");
        long x = 9;
        for (long i = 0; i < 3 * chunk + 5; i++) {
            x = x * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL;
        }
        assertEquals(x, RequestWork.cpu(9, 3 * chunk + 5), "across chunks, the same recurrence");
    }

    private static long interrupted(java.util.function.LongSupplier work) {
        Thread.currentThread().interrupt();
        try {
            return work.getAsLong();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void cpuAnswerIsTheU64ResultSeededWithTheId() {
        Response r = RequestWork.run(new Request(2, 42, 10, new byte[0]));
        assertEquals(RequestWork.cpu(42, 10), ByteBuffer.wrap(r.payload()).getLong());
    }

    @Test
    void rejectsUnknownOpsAndArgumentsOutOfRange() {
        assertNotNull(RequestWork.rejection(new Request(0, 1, 0, new byte[0])));
        assertNotNull(RequestWork.rejection(new Request(9, 1, 0, new byte[0])));
        assertNotNull(RequestWork.rejection(new Request(2, 1, RequestWork.MAX_CPU_UNITS + 1, new byte[0])));
        assertNotNull(RequestWork.rejection(new Request(3, 1, RequestWork.MAX_WAIT_MICROS + 1, new byte[0])));
        assertNotNull(RequestWork.rejection(new Request(4, 1, RequestWork.MAX_WAIT_MICROS + 1, new byte[0])));
        assertNull(RequestWork.rejection(new Request(4, 1, RequestWork.MAX_WAIT_MICROS, new byte[0])));
        assertEquals(Status.BAD_REQUEST, RequestWork.rejection(new Request(7, 3, 0, new byte[0])).status());
    }

    @Test
    void blockSleepsAtLeastItsArgument() {
        long start = System.nanoTime();
        RequestWork.run(new Request(4, 1, 20_000, new byte[0]));
        assertTrue(System.nanoTime() - start >= 20_000_000L);
    }
}
