package netarena.protocol.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header line in IMF-fixdate form (RFC 9110 section 5.6.7), e.g.
 * {@code Date: Sun, 06 Nov 1994 08:49:37 GMT}, formatted at most about once per second and shared by every
 * connection. Any thread.
 *
 * <p>Implementation notes: the cache is one immutable (second, bytes) pair behind a volatile field. Two
 * threads that see a new second at once both format it and one write wins; both results are equal.
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final HttpDate SYSTEM = new HttpDate(InstantSource.system());

    private record Line(long epochSecond, byte[] bytes) {
    }

    private final InstantSource clock;
    private volatile Line cached = new Line(Long.MIN_VALUE, null);

    private HttpDate(InstantSource clock) {
        this.clock = clock;
    }

    /** The shared instance on the system clock. */
    public static HttpDate system() {
        return SYSTEM;
    }

    /** An instance on {@code clock}, for tests. */
    public static HttpDate of(InstantSource clock) {
        return new HttpDate(clock);
    }

    /** {@code Date: <IMF-fixdate>\r\n} for the current second; shared, never modify it. */
    byte[] headerLine() {
        long second = Math.floorDiv(clock.millis(), 1000L);
        Line line = cached;
        if (line.epochSecond() != second) {
            String text = "Date: " + IMF_FIXDATE.format(Instant.ofEpochSecond(second)) + "\r\n";
            line = new Line(second, text.getBytes(StandardCharsets.US_ASCII));
            cached = line;
        }
        return line.bytes();
    }

    /** The current value, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public String value() {
        byte[] line = headerLine();
        return new String(line, 6, line.length - 8, StandardCharsets.US_ASCII);
    }
}
