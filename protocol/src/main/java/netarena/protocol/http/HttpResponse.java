package netarena.protocol.http;

import java.util.Locale;
import java.util.Map;

/**
 * One HTTP response as a client reads it.
 *
 * @param statusCode the three-digit status code
 * @param headers    every header field by lower-case name; repeated fields joined by {@code ", "}
 * @param body       the body, chunk framing removed; never null
 * @param keepAlive  whether the server keeps the connection open after it (RFC 9112 section 9.3)
 */
public record HttpResponse(int statusCode, Map<String, String> headers, byte[] body, boolean keepAlive) {

    /** The value of a header field by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
