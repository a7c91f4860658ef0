package netarena.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The read sizes a connection would use, fed with read counts whose answer is known; no sockets. */
class ReadSizerTest {

    @Test
    void startsAtTheSmallestSize() {
        assertEquals(ReadSizer.MIN_BYTES, new ReadSizer().nextBytes());
    }

    @Test
    void doublesAfterAFullReadUpToTheLargest() {
        ReadSizer sizer = new ReadSizer();
        for (int i = 0; i < 20; i++) {
            int capacity = sizer.nextBytes();
            sizer.record(capacity, capacity);
        }
        assertEquals(ReadSizer.MAX_BYTES, sizer.nextBytes());
    }

    @Test
    void shrinksBackToTheSmallestAfterSmallReads() {
        ReadSizer sizer = new ReadSizer();
        sizer.record(ReadSizer.MAX_BYTES, ReadSizer.MAX_BYTES);
        for (int i = 0; i < 20; i++) {
            sizer.record(21, sizer.nextBytes());
        }
        assertEquals(ReadSizer.MIN_BYTES, sizer.nextBytes());
    }

    @Test
    void keepsItsSizeForAReadBetweenAQuarterAndFull() {
        ReadSizer sizer = new ReadSizer();
        sizer.record(4096, 4096);
        assertEquals(8192, sizer.nextBytes());
        sizer.record(2048, 8192);
        assertEquals(8192, sizer.nextBytes());
        sizer.record(2047, 8192);
        assertEquals(4096, sizer.nextBytes());
    }

    @Test
    void fitKeepsABufferOfTheRightSizeAndReplacesAnyOther() {
        ReadSizer sizer = new ReadSizer();
        byte[] first = sizer.fit(null);
        assertEquals(ReadSizer.MIN_BYTES, first.length);
        assertSame(first, sizer.fit(first));
        sizer.record(first.length, first.length);
        byte[] grown = sizer.fit(first);
        assertNotSame(first, grown);
        assertEquals(2 * ReadSizer.MIN_BYTES, grown.length);
    }
}
