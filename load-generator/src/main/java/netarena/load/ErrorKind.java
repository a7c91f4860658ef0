package netarena.load;

import java.util.Locale;
import netarena.protocol.WireProtocol;

/**
 * The kinds of error a run reports, in the order result.json and the table list them. Several
 * {@link Count}s may report under one kind (a mismatched answer and a stray one are both "mismatch").
 */
public enum ErrorKind {
    CONNECT_FAILED(null),
    CLOSED(null),
    TIMEOUT(null),
    LOST(null),
    BAD_REQUEST(WireProtocol.FRAME),
    BAD_FRAME(WireProtocol.FRAME),
    BUSY(WireProtocol.FRAME),
    HTTP_STATUS(WireProtocol.HTTP),
    MISMATCH(null),
    MALFORMED(null);

    static final ErrorKind[] VALUES = values();

    private final WireProtocol only;

    ErrorKind(WireProtocol only) {
        this.only = only;
    }

    /** The key in result.json's {@code errors} and the word in the table: {@code connect_failed}, say. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** False when this protocol cannot produce the kind, so the table leaves it out. */
    public boolean appliesTo(WireProtocol protocol) {
        return only == null || only == protocol;
    }
}
