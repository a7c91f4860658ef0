package netarena.protocol.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one message body as it arrives, framed by Content-Length or by chunked transfer coding (RFC 9112
 * section 7.1: chunk-size lines with optional extensions, then optional trailer fields, which are checked
 * and dropped). Shared by the request parser and the response decoder. One thread at a time.
 *
 * <p>Memory is bounded by what the peer has actually sent: the body array grows by doubling as bytes
 * arrive, capped at the announced length, so a slow client announcing a 1 MiB body holds a few KiB.
 */
final class HttpBodyReader {

    private static final int INITIAL_BODY_BYTES = 4096;
    private static final byte[] EMPTY = new byte[0];

    private enum State { FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private final int maxBodyBytes;
    private final int maxLineBytes;
    private final HttpLineReader lines = new HttpLineReader();

    private State state = State.DONE;
    private byte[] body = EMPTY;
    private int filled;
    /** FIXED: bytes still to come; CHUNK_DATA: bytes left in this chunk. */
    private long left;

    /**
     * @param maxBodyBytes the largest body, after removing chunk framing; beyond it 413
     * @param maxLineBytes the largest chunk-size line, and the largest trailer section
     */
    HttpBodyReader(int maxBodyBytes, int maxLineBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxLineBytes = maxLineBytes;
    }

    /** Expects exactly {@code length} bytes, already checked to be within the limit. */
    void startFixed(int length) {
        body = length == 0 ? EMPTY : new byte[Math.min(length, INITIAL_BODY_BYTES)];
        filled = 0;
        left = length;
        state = State.FIXED;
    }

    void startChunked() {
        body = EMPTY;
        filled = 0;
        startChunkSizeLine();
    }

    /**
     * Consumes body bytes from {@code in}; true once the body is whole ({@link #take} it), false when
     * {@code in} ran out first.
     *
     * @throws HttpRuleException for bad chunk framing (400), a body over the limit (413), trailers over the limit (431)
     */
    boolean read(ByteBuffer in) {
        while (state != State.DONE) {
            boolean progressed = switch (state) {
                case FIXED, CHUNK_DATA -> readData(in);
                case CHUNK_SIZE -> readChunkSize(in);
                case CHUNK_END -> readChunkEnd(in);
                case TRAILERS -> readTrailerLine(in);
                case DONE -> true;
            };
            if (!progressed) {
                return false;
            }
        }
        return true;
    }

    /** A fixed body's or a chunk's bytes; false when {@code in} ran out before the last of them. */
    private boolean readData(ByteBuffer in) {
        if (left > 0) {
            if (!in.hasRemaining()) {
                return false;
            }
            copy(in, (int) Math.min(left, in.remaining()));
        }
        if (left > 0) {
            return false;
        }
        if (state == State.FIXED) {
            state = State.DONE;
        } else {
            state = State.CHUNK_END;
            lines.budget(2, HttpStatus.BAD_REQUEST, "chunk data must be followed by CRLF");
        }
        return true;
    }

    private boolean readChunkSize(ByteBuffer in) {
        if (!lines.read(in)) {
            return false;
        }
        left = chunkSize(lines.bytes(), lines.length());
        if (left == 0) {
            state = State.TRAILERS;
            lines.budget(maxLineBytes, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "chunked trailer section exceeds " + maxLineBytes + " bytes");
        } else {
            state = State.CHUNK_DATA;
        }
        return true;
    }

    private boolean readChunkEnd(ByteBuffer in) {
        if (!lines.read(in)) {
            return false;
        }
        if (lines.length() != 0) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "chunk data must be followed by CRLF");
        }
        startChunkSizeLine();
        return true;
    }

    private boolean readTrailerLine(ByteBuffer in) {
        if (!lines.read(in)) {
            return false;
        }
        if (lines.length() == 0) {
            state = State.DONE;
        } else {
            HttpFields.checkFieldLine(lines.bytes(), lines.length());
        }
        return true;
    }

    /** The whole body; the reader is then ready for the next start. */
    byte[] take() {
        byte[] whole = filled == body.length ? body : Arrays.copyOf(body, filled);
        body = EMPTY;
        filled = 0;
        return whole;
    }

    /** Bytes of memory held for the body in progress, for tests of the memory bound. */
    int capacity() {
        return body.length + lines.capacity();
    }

    private void startChunkSizeLine() {
        state = State.CHUNK_SIZE;
        lines.budget(maxLineBytes, HttpStatus.BAD_REQUEST, "a chunk-size line exceeds " + maxLineBytes + " bytes");
    }

    private void copy(ByteBuffer in, int n) {
        if (filled + n > body.length) {
            long wanted = state == State.FIXED ? filled + left : maxBodyBytes;
            int grown = (int) Math.min(wanted, Math.max(Math.max(body.length * 2L, INITIAL_BODY_BYTES), filled + n));
            body = Arrays.copyOf(body, grown);
        }
        in.get(body, filled, n);
        filled += n;
        left -= n;
    }

    /** {@code chunk-size [BWS ";" extensions]}: the size in bytes, checked against what the body may still take. */
    private long chunkSize(byte[] b, int length) {
        long size = 0;
        int i = 0;
        for (; i < length && HttpSyntax.hexDigit(b[i]) >= 0; i++) {
            size = size * 16 + HttpSyntax.hexDigit(b[i]);
            if (filled + size > maxBodyBytes) {
                throw new HttpRuleException(HttpStatus.CONTENT_TOO_LARGE,
                        "chunked body exceeds the limit of " + maxBodyBytes + " bytes");
            }
        }
        if (i == 0) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a chunk-size line must start with hexadecimal digits");
        }
        while (i < length && HttpSyntax.isWhitespace(b[i])) {
            i++;
        }
        if (i < length && b[i] != ';') {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a chunk size may only be followed by ;extensions");
        }
        if (!HttpSyntax.isFieldText(b, i, length)) {
            throw new HttpRuleException(HttpStatus.BAD_REQUEST, "a chunk extension must not hold control characters");
        }
        return size;
    }
}
