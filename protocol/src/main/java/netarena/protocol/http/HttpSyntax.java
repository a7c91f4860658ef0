package netarena.protocol.http;

/**
 * The character rules of HTTP/1.1 (RFC 9110 section 5.6, RFC 9112), shared by the request parser and the
 * response decoder so both sides read the same grammar. Pure static functions over byte ranges
 * {@code [from, to)}.
 */
final class HttpSyntax {

    private static final boolean[] TCHAR = new boolean[128];

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

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
