package netarena.protocol.http;

/**
 * The character rules of HTTP/1.1 (RFC 9110 section 5.6, RFC 9112), shared by the request parser and the
 * response decoder so both sides read the same grammar. Pure static functions over byte ranges
 * {@code [from, to)}.
 */
final class HttpSyntax {

    private static final boolean[] TCHAR = new boolean[128];
    /** RFC 3986 unreserved and sub-delims: what a reg-name holds besides pct-encoded octets. */
    private static final String HOST_PUNCTUATION = "-._~!$&'()*+,;=";

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private HttpSyntax() {
    }

    static boolean isTchar(byte b) {
        return b >= 0 && TCHAR[b];
    }

    /** A non-empty run of token characters, as methods and field names must be. */
    static boolean isToken(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isTchar(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** HTAB, SP, visible ASCII and obs-text: everything but control characters (so no CR, LF or NUL). */
    static boolean isFieldText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Unsigned decimal digits, saturating at {@link Long#MAX_VALUE}; -1 when empty or not all digits. */
    static long decimal(byte[] b, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (b[i] - '0');
        }
        return value;
    }

    /** The value of a hexadecimal digit, or -1. */
    static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** ASCII case-insensitive comparison of a byte range with a lower-case name. */
    static boolean equalsLowerCase(byte[] b, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The minor version of {@code HTTP/1.x} in {@code [from, to)}.
     *
     * @throws HttpRuleException 400 when it is not {@code HTTP/DIGIT.DIGIT}, 505 for any version but 1.0 and 1.1
     */
    static int minorVersion(byte[] b, int from, int to) {
        boolean wellFormed = to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T'
                && b[from + 3] == 'P' && b[from + 4] == '/' && isDigit(b[from + 5]) && b[from + 6] == '.'
                && isDigit(b[from + 7]);
        if (!wellFormed) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "HTTP-version must be HTTP/DIGIT.DIGIT");
        }
        if (b[from + 5] != '1' || b[from + 7] > '1') {
            throw new HttpRuleException(HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "HTTP-version must be HTTP/1.0 or HTTP/1.1, was HTTP/" + (char) b[from + 5] + "." + (char) b[from + 7]);
        }
        return b[from + 7] - '0';
    }

    /**
     * A Host field value as RFC 9112 section 3.2 and RFC 3986 section 3.2.2 allow it: {@code uri-host [":" port]},
     * where uri-host is a bracketed IP literal or a reg-name (letters, digits, unreserved and sub-delims
     * characters, pct-encoded octets; an IPv4 address is one) and port is digits. The empty value is valid.
     */
    static boolean isHost(byte[] b, int from, int to) {
        int hostEnd = to;
        for (int i = to - 1; i >= from && b[i] != ']'; i--) {
            if (b[i] == ':') {
                hostEnd = i;
                break;
            }
        }
        for (int i = hostEnd + 1; i < to; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        if (hostEnd > from && b[from] == '[') {
            return b[hostEnd - 1] == ']' && hostEnd - from > 2 && isIpLiteral(b, from + 1, hostEnd - 1);
        }
        for (int i = from; i < hostEnd; i++) {
            if (b[i] == '%') {
                if (i + 2 >= hostEnd || hexDigit(b[i + 1]) < 0 || hexDigit(b[i + 2]) < 0) {
                    return false;
                }
                i += 2;
            } else if (!isAlphaNumeric(b[i]) && HOST_PUNCTUATION.indexOf(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The inside of {@code [...]}: an IPv6 address or IPvFuture, checked for its characters only. */
    private static boolean isIpLiteral(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isAlphaNumeric(b[i]) && b[i] != ':' && HOST_PUNCTUATION.indexOf(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphaNumeric(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
