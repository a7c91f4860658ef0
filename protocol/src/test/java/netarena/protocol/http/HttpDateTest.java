package netarena.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void formatsTheRfcExampleAsImfFixdate() {
        HttpDate date = HttpDate.of(() -> Instant.parse("1994-11-06T08:49:37Z"));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", date.value());
    }

    @Test
    void padsSingleDigitDaysAndHoursToTwoDigits() {
        HttpDate date = HttpDate.of(() -> Instant.parse("2026-03-01T04:05:06.999Z"));
        assertEquals("Sun, 01 Mar 2026 04:05:06 GMT", date.value());
    }

    @Test
    void formatsOncePerSecondAndAgainWhenTheSecondChanges() {
        AtomicLong millis = new AtomicLong(1_000_000_000_000L);
        HttpDate date = HttpDate.of(() -> Instant.ofEpochMilli(millis.get()));
        byte[] first = date.headerLine();
        millis.addAndGet(999);
        assertSame(first, date.headerLine(), "same second: the cached bytes");
        millis.addAndGet(1);
        byte[] next = date.headerLine();
        assertNotSame(first, next);
        assertEquals("Date: Sun, 09 Sep 2001 01:46:41 GMT\r\n", new String(next, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
